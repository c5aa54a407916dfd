import { zodResolver } from "@hookform/resolvers/zod";
import { authClient, describeAuthError } from "@omnify/client";
import { Field, FormAlert, TextInput } from "@omnify/ui";
import { Link } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { textLinkClassName } from "../../components/text-link.ts";
import { currentPasswordField, emailField } from "../../forms/fields.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";

const schema = z.object({ email: emailField, password: currentPasswordField });
type Values = z.input<typeof schema>;

export interface SignInFormProps {
  defaultEmail?: string;
  /** Called once the session exists. */
  onSignedIn: () => Promise<void>;
}

export function SignInForm({ defaultEmail = "", onSignedIn }: SignInFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { email: defaultEmail, password: "" },
  });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    const { error } = await authClient.signIn.email({ email, password });
    if (error) {
      setError("root", { message: describeAuthError(error) });
      return;
    }
    await onSignedIn();
  });

  const email = watch("email").trim();

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      <Field label="Email" error={errors.email?.message}>
        {(control) => <TextInput {...control} type="email" autoComplete="email" {...register("email")} />}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(control) => (
          <TextInput {...control} type="password" autoComplete="current-password" {...register("password")} />
        )}
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SubmitButton pending={isSubmitting} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
        <Link
          to="/forgot-password"
          search={email ? { email } : {}}
          className={`text-sm ${textLinkClassName}`}
        >
          Forgot your password?
        </Link>
      </div>
    </form>
  );
}
