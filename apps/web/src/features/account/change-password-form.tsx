import { zodResolver } from "@hookform/resolvers/zod";
import { authClient, describeAuthError } from "@omnify/client";
import { Field, FormAlert, TextInput } from "@omnify/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { currentPasswordField } from "../../forms/fields.ts";
import { NewPasswordFields } from "../../forms/new-password-fields.tsx";
import { newPasswordPair } from "../../forms/password-confirmation.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";
import { sessionsQueryKey } from "./sessions-queries.ts";

const schema = z
  .object({ currentPassword: currentPasswordField, revokeOtherSessions: z.boolean() })
  .and(newPasswordPair);
type Values = z.input<typeof schema>;
const empty: Values = {
  currentPassword: "",
  newPassword: "",
  confirmPassword: "",
  revokeOtherSessions: true,
};

export function ChangePasswordForm() {
  const queryClient = useQueryClient();
  const checkboxId = useId();
  const [changed, setChanged] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: empty,
  });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword, revokeOtherSessions }) => {
    setChanged(false);
    const { error } = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions });
    if (error) {
      if (error.code === "INVALID_PASSWORD") {
        setError("currentPassword", { message: "This is not your current password." }, { shouldFocus: true });
      } else {
        setError("root", { message: describeAuthError(error) });
      }
      return;
    }
    reset(empty);
    setChanged(true);
    await queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-md flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      {changed ? <FormAlert tone="success">Your password was changed.</FormAlert> : null}
      <Field label="Current password" error={errors.currentPassword?.message}>
        {(control) => (
          <TextInput
            {...control}
            type="password"
            autoComplete="current-password"
            {...register("currentPassword")}
          />
        )}
      </Field>
      <NewPasswordFields
        newPassword={register("newPassword")}
        confirmPassword={register("confirmPassword")}
        errors={{
          newPassword: errors.newPassword?.message,
          confirmPassword: errors.confirmPassword?.message,
        }}
      />
      <div className="flex items-start gap-2">
        <input
          id={checkboxId}
          type="checkbox"
          className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          {...register("revokeOtherSessions")}
        />
        <label htmlFor={checkboxId} className="text-sm text-slate-800">
          Sign out of all other devices
        </label>
      </div>
      <div>
        <SubmitButton pending={isSubmitting}>Change password</SubmitButton>
      </div>
    </form>
  );
}
