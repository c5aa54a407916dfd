import { AppShell, brandLinkClassName } from "@omnify/ui";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

export interface ConsoleShellProps {
  /** The console's navigation; only staff get it. */
  nav?: ReactNode;
  /** Who is signed in and the sign-out button. */
  account?: ReactNode;
  children: ReactNode;
}

/** The page frame of the Control Room: the shared shell with the console's brand. */
export function ConsoleShell({ nav, account, children }: ConsoleShellProps) {
  return (
    <AppShell
      brand={
        <Link to="/" className={brandLinkClassName}>
          Omnify Control Room
        </Link>
      }
      nav={nav}
      navLabel="Console"
      account={account}
    >
      {children}
    </AppShell>
  );
}
