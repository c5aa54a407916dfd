import { ErrorState } from "./error-state.tsx";

export interface RouteErrorProps {
  message: string;
  onRetry: () => void;
}

/** A page that failed to render or load: say so inside the shell, and offer to try again. */
export function RouteError({ message, onRetry }: RouteErrorProps) {
  return <ErrorState title="This page could not be shown" message={message} onRetry={onRetry} />;
}
