import { zodResolver } from "@hookform/resolvers/zod";
import { authClient, describeAuthError } from "@omnify/client";
import { Field, FormAlert, TextInput } from "@omnify/ui";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { emailField, newPasswordField, personNameField } from "../../forms/fields.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";
import { fieldOfAuthError } from "./auth-error-fields.ts";

const schema = z.object({ name: personNameField, email: emailField, password: newPasswordField });
type Values = z.input<typeof schema>;

export interface SignUpFormProps {
  defaultEmail?: string;
  /** Called once the account exists and is signed in (not yet verified). */
  onSignedUp: () => Promise<void>;
}

export function SignUpForm({ defaultEmail = "", onSignedUp }: SignUpFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", email: defaultEmail, password: "" },
  });

  const onSubmit = handleSubmit(async ({ name, email, password }) => {
    const { error } = await authClient.signUp.email({
      name,
      email,
      password,
      callbackURL: "/email-verified",
    });
    if (error) {
      const field = fieldOfAuthError(error.code);
      setError(field ?? "root", { message: describeAuthError(error) }, { shouldFocus: Boolean(field) });
      return;
    }
    await onSignedUp();
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      <Field label="Name" error={errors.name?.message}>
        {(control) => <TextInput {...control} autoComplete="name" {...register("name")} />}
      </Field>
      <Field label="Email" error={errors.email?.message}>
        {(control) => <TextInput {...control} type="email" autoComplete="email" {...register("email")} />}
      </Field>
      <Field label="Password" error={errors.password?.message} hint="At least 10 characters.">
        {(control) => (
          <TextInput {...control} type="password" autoComplete="new-password" {...register("password")} />
        )}
      </Field>
      <div>
        <SubmitButton pending={isSubmitting} pendingLabel="Creating account…">
          Create account
        </SubmitButton>
      </div>
    </form>
  );
}
