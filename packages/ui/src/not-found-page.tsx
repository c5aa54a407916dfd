import type { ReactNode } from "react";
import { PageHeader } from "./app-shell.tsx";
import { EmptyState } from "./empty-state.tsx";

export interface NotFoundPageProps {
  /** Ends the document title: "Page not found · {appName}". */
  appName: string;
  /** The way back, e.g. a router link to the home page styled with `buttonClassName`. */
  action: ReactNode;
}

/** The page for an address no route matches. */
export function NotFoundPage({ appName, action }: NotFoundPageProps) {
  return (
    <>
      <title>{`Page not found · ${appName}`}</title>
      <PageHeader title="Page not found" />
      <EmptyState
        title="There is nothing at this address."
        description="The link may be out of date or mistyped."
        action={action}
      />
    </>
  );
}
