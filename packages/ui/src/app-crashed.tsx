import { Button } from "./button.tsx";
import { ErrorState } from "./error-state.tsx";

export interface AppCrashedProps {
  /** Names the app, e.g. "Omnify stopped working". */
  title: string;
  message: string;
  /** Renders the app again. */
  onRetry: () => void;
}

/**
 * The whole screen, for a render error outside any route (no shell to show it in). Retrying
 * may fail the same way, so a full reload is offered too.
 */
export function AppCrashed({ title, message, onRetry }: AppCrashedProps) {
  return (
    <main className="grid min-h-dvh place-items-center bg-slate-50 p-4">
      <div className="w-full max-w-md">
        <h1 className="mb-4 text-xl font-semibold text-slate-900">{title}</h1>
        <ErrorState title="This page failed to load" message={message} onRetry={onRetry} />
        <Button variant="ghost" size="sm" className="mt-3" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    </main>
  );
}
