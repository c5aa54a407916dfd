import { zodResolver } from "@hookform/resolvers/zod";
import { useTRPC } from "@omnify/client";
import { Button, Field, Select, TextInput } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import type { AuditSearch } from "./audit-search.ts";

const uuid = z.uuid();

function idOrEmpty(message: string) {
  return z
    .string()
    .trim()
    .refine((value) => value === "" || uuid.safeParse(value).success, { error: message });
}

const filterSchema = z.object({
  action: z.string(),
  shopId: idOrEmpty("Enter a whole shop id (a UUID), or leave this empty."),
  actorUserId: idOrEmpty("Enter a whole user id (a UUID), or leave this empty."),
});

type FilterValues = z.infer<typeof filterSchema>;

function toValues(search: AuditSearch): FilterValues {
  return { action: search.action ?? "", shopId: search.shopId ?? "", actorUserId: search.actorUserId ?? "" };
}

function toSearch(values: FilterValues): AuditSearch {
  return {
    action: values.action || undefined,
    shopId: values.shopId || undefined,
    actorUserId: values.actorUserId || undefined,
  };
}

export interface AuditFiltersProps {
  /** The filters in the address; the form follows them when they change elsewhere. */
  search: AuditSearch;
  onApply: (search: AuditSearch) => void;
}

export function AuditFilters({ search, onApply }: AuditFiltersProps) {
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<FilterValues>({
    resolver: zodResolver(filterSchema),
    defaultValues: toValues(search),
    // Inline: an id is checked as soon as the field is left, not only on submit.
    mode: "onTouched",
  });

  // Clicking an actor or a shop in the table changes the address, not the form.
  useEffect(() => reset(toValues(search)), [search, reset]);

  const hasFilters = Boolean(search.action || search.shopId || search.actorUserId);

  return (
    <form
      aria-label="Filter audit events"
      noValidate
      onSubmit={handleSubmit((values) => onApply(toSearch(values)))}
      className="mb-6 grid items-start gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3"
    >
      <Field label="Action" error={errors.action?.message}>
        {(ids) => (
          // Controlled: the options arrive after the form, and an uncontrolled select would
          // fall back to its first option when they do.
          <Controller
            control={control}
            name="action"
            render={({ field }) => (
              <Select {...ids} {...field}>
                <ActionOptions current={search.action} />
              </Select>
            )}
          />
        )}
      </Field>
      <Field label="Shop id" error={errors.shopId?.message}>
        {(ids) => <TextInput {...ids} {...register("shopId")} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field label="Actor user id" error={errors.actorUserId?.message}>
        {(ids) => <TextInput {...ids} {...register("actorUserId")} autoComplete="off" spellCheck={false} />}
      </Field>
      <div className="flex flex-wrap gap-2 md:col-span-3">
        <Button type="submit">Apply filters</Button>
        {hasFilters ? (
          <Button variant="secondary" onClick={() => onApply({})}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The server's actions grouped by their prefix ("auth", "shop", …). */
function ActionOptions({ current }: { current: string | undefined }) {
  const trpc = useTRPC();
  const actions = useQuery(trpc.admin.auditActions.queryOptions());
  const names = actions.data ?? [];
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const group = name.split(".")[0] ?? name;
    groups.set(group, [...(groups.get(group) ?? []), name]);
  }
  return (
    <>
      <option value="">All actions</option>
      {/* Keeps the address's action selectable while the list loads (or if it is unknown). */}
      {current && !names.some((name) => name === current) ? <option value={current}>{current}</option> : null}
      {[...groups].map(([group, members]) => (
        <optgroup key={group} label={group}>
          {members.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
