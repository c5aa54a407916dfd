import { zodResolver } from "@hookform/resolvers/zod";
import { authClient, describeAuthError } from "@omnify/client";
import { Button, Field, FormAlert, Spinner, TextInput } from "@omnify/ui";
import { useForm } from "react-hook-form";
import { z } from "zod";

const signInSchema = z.object({
  email: z
    .string()
    .min(1, { error: "Enter your email address." })
    .pipe(z.email({ error: "Enter an email address like name@example.com." })),
  password: z.string().min(1, { error: "Enter your password." }),
});

type SignInValues = z.infer<typeof signInSchema>;

export interface SignInFormProps {
  /** Runs after Better Auth accepted the credentials (the session cookie is set). */
  onSignedIn: () => Promise<void>;
}

/** Email and password against Better Auth; its refusals (wrong password, 429…) show above the fields. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });

  async function onSubmit(values: SignInValues) {
    let failure: { status?: number; message?: string } | null;
    try {
      failure = (await authClient.signIn.email(values)).error;
    } catch {
      // No answer at all: describeAuthError words a status-less error as a network failure.
      failure = {};
    }
    if (failure) {
      setError("root.auth", { message: describeAuthError(failure) });
      return;
    }
    await onSignedIn();
  }

  return (
    <form noValidate className="flex flex-col gap-4" onSubmit={handleSubmit(onSubmit)}>
      {errors.root?.auth?.message ? <FormAlert>{errors.root.auth.message}</FormAlert> : null}
      <Field label="Email" error={errors.email?.message}>
        {(control) => (
          <TextInput
            {...control}
            {...register("email")}
            type="email"
            autoComplete="username"
            inputMode="email"
          />
        )}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(control) => (
          <TextInput {...control} {...register("password")} type="password" autoComplete="current-password" />
        )}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? <Spinner label="Signing in" /> : null}
        Sign in
      </Button>
    </form>
  );
}
