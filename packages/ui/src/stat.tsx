import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export interface StatListProps {
  children: ReactNode;
  className?: string;
}

/** A description list laid out as a responsive grid of `Stat`s. */
export function StatList({ children, className }: StatListProps) {
  return (
    <dl className={cx("grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3", className)}>{children}</dl>
  );
}

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** A line of context under the value. */
  hint?: ReactNode;
  /** Announce changes to the value politely (for values pushed live). */
  live?: boolean;
  className?: string;
}

/** One labelled figure; place inside `StatList` (a `dl`). */
export function Stat({ label, value, hint, live, className }: StatProps) {
  return (
    <div className={cx("min-w-0", className)}>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd
        className="mt-1 text-lg font-semibold break-words text-slate-900"
        aria-live={live ? "polite" : undefined}
      >
        {value}
      </dd>
      {hint ? <dd className="mt-0.5 text-sm text-slate-600">{hint}</dd> : null}
    </div>
  );
}
