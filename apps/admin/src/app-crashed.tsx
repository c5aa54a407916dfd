import { describeError } from "@omnify/client";
import { Button, ErrorState } from "@omnify/ui";

/** Shown by the top-level error boundary when rendering failed outside any route. */
export function AppCrashed({ error, reset }: { error: unknown; reset: () => void }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-slate-50 p-4">
      <div className="w-full max-w-md">
        <h1 className="mb-4 text-xl font-semibold text-slate-900">The Control Room stopped working</h1>
        <ErrorState title="This page failed to load" message={describeError(error)} onRetry={reset} />
        <Button variant="ghost" size="sm" className="mt-3" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    </main>
  );
}
