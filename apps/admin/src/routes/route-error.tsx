import { describeError } from "@omnify/client";
import { ErrorState } from "@omnify/ui";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";

/** A page that failed to render or load: say so inside the shell, and offer to try again. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <ErrorState
      title="This page could not be shown"
      message={describeError(error)}
      onRetry={() => {
        reset();
        void router.invalidate();
      }}
    />
  );
}
