import { Button } from "./button.tsx";

export interface ErrorStateProps {
  title?: string;
  message: string;
  /** Shows a "Try again" button when given. */
  onRetry?: () => void;
  retryLabel?: string;
}

/** A failure the user can act on: what went wrong, and a way to try again. */
export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
  retryLabel = "Try again",
}: ErrorStateProps) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm">
      <p className="font-semibold text-red-800">{title}</p>
      <p className="mt-1 break-words text-red-700">{message}</p>
      {onRetry ? (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}
