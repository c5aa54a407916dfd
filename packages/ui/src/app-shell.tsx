import type { ReactNode } from "react";
import { cx, focusRing } from "./cx.ts";

export interface AppShellProps {
  /** The product name, usually a link to the home page. */
  brand: ReactNode;
  /** Navigation links; style them with `navItemClassName`. */
  nav?: ReactNode;
  /** Accessible name of the navigation landmark. */
  navLabel?: string;
  /** At the right of the header: who is signed in, and the way out. */
  account?: ReactNode;
  children: ReactNode;
}

const mainId = "main-content";

/**
 * Page frame: skip link, header (brand, nav, account; on narrow screens down to 375px the
 * nav takes its own row and scrolls sideways, so the account stays in view) and the main
 * landmark the skip link moves focus to.
 */
export function AppShell({ brand, nav, navLabel = "Main", account, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 text-slate-900">
      <a
        href={`#${mainId}`}
        className={cx(
          "sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-900 shadow",
          // `not-sr-only` resets padding, so the focused padding is repeated after it.
          "focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:px-3 focus:py-2",
          focusRing,
        )}
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <div className="shrink-0 text-base font-semibold tracking-tight">{brand}</div>
          {nav ? (
            <nav
              aria-label={navLabel}
              className={cx(
                "-mx-1 flex gap-1 overflow-x-auto px-1 py-1",
                account ? "order-last w-full lg:order-none lg:w-auto lg:min-w-0 lg:flex-1" : "min-w-0 flex-1",
              )}
            >
              {nav}
            </nav>
          ) : null}
          {account ? (
            <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1">
              {account}
            </div>
          ) : null}
        </div>
      </header>
      <main
        id={mainId}
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-8"
      >
        {children}
      </main>
    </div>
  );
}

/** Classes for a nav link; the active one is marked by `aria-current="page"`. */
export const navItemClassName = cx(
  "shrink-0 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-600",
  "hover:bg-slate-100 hover:text-slate-900",
  "aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-900",
  focusRing,
);

/** Classes for the brand link in the header. */
export const brandLinkClassName = cx("rounded-md text-slate-900 hover:text-indigo-700", focusRing);

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's single `h1`, with an optional line of context and actions on the right. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}
