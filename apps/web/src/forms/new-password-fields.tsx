import { Field, TextInput } from "@omnify/ui";
import type { UseFormRegisterReturn } from "react-hook-form";

export interface NewPasswordFieldsProps {
  newPassword: UseFormRegisterReturn;
  confirmPassword: UseFormRegisterReturn;
  errors: { newPassword?: string; confirmPassword?: string };
}

/** The new-password pair of `newPasswordPair`: typed twice, checked by the browser's password manager. */
export function NewPasswordFields({ newPassword, confirmPassword, errors }: NewPasswordFieldsProps) {
  return (
    <>
      <Field label="New password" error={errors.newPassword} hint="At least 10 characters.">
        {(control) => <TextInput {...control} type="password" autoComplete="new-password" {...newPassword} />}
      </Field>
      <Field label="Confirm new password" error={errors.confirmPassword}>
        {(control) => (
          <TextInput {...control} type="password" autoComplete="new-password" {...confirmPassword} />
        )}
      </Field>
    </>
  );
}
