import { Button, type ButtonVariant } from "@omnify/ui";
import { useState } from "react";
import { type SignOutOptions, useSignOut } from "../session/session-actions.ts";

export interface SignOutButtonProps extends SignOutOptions {
  variant?: ButtonVariant;
  size?: "sm" | "md";
  label?: string;
}

export function SignOutButton({
  variant = "ghost",
  size = "md",
  label = "Sign out",
  ...options
}: SignOutButtonProps) {
  const signOut = useSignOut();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant={variant}
        size={size}
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          setError(await signOut(options));
          setPending(false);
        }}
      >
        {pending ? "Signing out…" : label}
      </Button>
      <span role="status" className="text-sm text-red-700">
        {error}
      </span>
    </span>
  );
}
