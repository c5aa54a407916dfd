import { type ReactNode, StrictMode } from "react";
import { AppProviders } from "./app-providers.tsx";
import { ErrorBoundary } from "./error-boundary.tsx";
import type { ErrorScreenProps } from "./error-screens.ts";
import { describeError } from "./query-client.ts";

export interface AppRootProps {
  /** The screen shown when rendering failed outside any route, e.g. `AppCrashed` from `@omnify/ui`. */
  crashScreen: (props: ErrorScreenProps) => ReactNode;
  /** Usually the app's `RouterProvider`. */
  children: ReactNode;
}

/**
 * Everything above an SPA's router. The error boundary sits outside the providers so that a
 * failure in them still shows the crash screen rather than a blank page.
 */
export function AppRoot({ crashScreen, children }: AppRootProps) {
  return (
    <StrictMode>
      <ErrorBoundary
        fallback={({ error, reset }) => crashScreen({ message: describeError(error), onRetry: reset })}
        onError={(error) => console.error("The app crashed", error)}
      >
        <AppProviders>{children}</AppProviders>
      </ErrorBoundary>
    </StrictMode>
  );
}

/** The element each SPA's index.html provides for the app. */
export function appContainer(): HTMLElement {
  const container = document.getElementById("root");
  if (!container) throw new Error("index.html has no #root element");
  return container;
}
