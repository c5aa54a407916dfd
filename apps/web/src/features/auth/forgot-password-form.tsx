import { zodResolver } from "@hookform/resolvers/zod";
import { authClient, describeAuthError } from "@omnify/client";
import { Field, FormAlert, TextInput } from "@omnify/ui";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { emailField } from "../../forms/fields.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";

const schema = z.object({ email: emailField });
type Values = z.input<typeof schema>;

export function ForgotPasswordForm({ defaultEmail = "" }: { defaultEmail?: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { email: defaultEmail },
  });

  const onSubmit = handleSubmit(async ({ email }) => {
    const { error } = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    if (error) {
      // Only failures that say nothing about the account reach here: rate limits, no network.
      setError("root", { message: describeAuthError(error) });
      return;
    }
    setSentTo(email);
  });

  if (sentTo) {
    // The same words whether or not an account exists: the page must not reveal who has one.
    return (
      <FormAlert tone="success">
        If an account exists for {sentTo}, we sent it a link to reset the password. The link works for one
        hour.
      </FormAlert>
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      <Field label="Email" error={errors.email?.message}>
        {(control) => <TextInput {...control} type="email" autoComplete="email" {...register("email")} />}
      </Field>
      <div>
        <SubmitButton pending={isSubmitting} pendingLabel="Sending…">
          Send reset link
        </SubmitButton>
      </div>
    </form>
  );
}
