import { zodResolver } from "@hookform/resolvers/zod";
import { authClient, describeAuthError } from "@omnify/client";
import { FormAlert } from "@omnify/ui";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { NewPasswordFields } from "../../forms/new-password-fields.tsx";
import { newPasswordPair } from "../../forms/password-confirmation.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";

type Values = z.input<typeof newPasswordPair>;

export interface ResetPasswordFormProps {
  token: string;
  onReset: () => Promise<void>;
}

export function ResetPasswordForm({ token, onReset }: ResetPasswordFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof newPasswordPair>>({
    resolver: zodResolver(newPasswordPair),
    defaultValues: { newPassword: "", confirmPassword: "" },
  });

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    const { error } = await authClient.resetPassword({ newPassword, token });
    if (error) {
      const message =
        error.code === "INVALID_TOKEN"
          ? "This reset link has expired or was used already. Ask for a new one."
          : describeAuthError(error);
      setError("root", { message });
      return;
    }
    await onReset();
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      <NewPasswordFields
        newPassword={register("newPassword")}
        confirmPassword={register("confirmPassword")}
        errors={{
          newPassword: errors.newPassword?.message,
          confirmPassword: errors.confirmPassword?.message,
        }}
      />
      <div>
        <SubmitButton pending={isSubmitting}>Set new password</SubmitButton>
      </div>
    </form>
  );
}
