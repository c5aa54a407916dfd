import { Button, Field, TextInput } from "@omnify/ui";
import { useEffect } from "react";
import { useForm } from "react-hook-form";

export interface UserSearchFormProps {
  /** The search in the address; the box follows it on back and forward. */
  query: string | undefined;
  onSearch: (query: string) => void;
}

/** Searched on submit: one request per search, not one per keystroke. */
export function UserSearchForm({ query, onSearch }: UserSearchFormProps) {
  const { register, handleSubmit, reset } = useForm({ defaultValues: { q: query ?? "" } });
  useEffect(() => reset({ q: query ?? "" }), [query, reset]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to Safari before 17 (and to happy-dom); the role works everywhere.
    <form
      role="search"
      aria-label="Users"
      noValidate
      onSubmit={handleSubmit(({ q }) => onSearch(q.trim()))}
      className="mb-6 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <Field label="Name or email" className="min-w-0 flex-1 basis-60">
        {(ids) => <TextInput {...ids} {...register("q")} type="search" maxLength={200} autoComplete="off" />}
      </Field>
      <Button type="submit">Search</Button>
      {query ? (
        <Button variant="secondary" onClick={() => onSearch("")}>
          Show all users
        </Button>
      ) : null}
    </form>
  );
}
