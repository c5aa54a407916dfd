import { zodResolver } from "@hookform/resolvers/zod";
import { authClient, describeAuthError, useTRPC } from "@omnify/client";
import { Field, FormAlert, TextInput } from "@omnify/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { Me } from "../../api-types.ts";
import { personNameField } from "../../forms/fields.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";

const schema = z.object({ name: personNameField });
type Values = z.input<typeof schema>;

export function ProfileForm({ user }: { user: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    values: { name: user.name },
    resetOptions: { keepDirtyValues: true },
  });

  const onSubmit = handleSubmit(async ({ name }) => {
    setSaved(false);
    const { error } = await authClient.updateUser({ name });
    if (error) {
      setError("root", { message: describeAuthError(error) });
      return;
    }
    await queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() });
    setSaved(true);
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-md flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      {saved && !isDirty ? <FormAlert tone="success">Saved.</FormAlert> : null}
      <Field label="Name" error={errors.name?.message} hint="Your teammates see this name.">
        {(control) => <TextInput {...control} autoComplete="name" {...register("name")} />}
      </Field>
      <div>
        <SubmitButton pending={isSubmitting}>Save name</SubmitButton>
      </div>
    </form>
  );
}
