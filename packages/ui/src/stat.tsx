import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export interface StatListProps {
  children: ReactNode;
  /**
   * "auto" (default) goes from one to two to three columns as the space it is given grows
   * (a container query, so a half-width card lays out like a narrow screen); 3 keeps three
   * columns always, for short figures.
   */
  columns?: "auto" | 1 | 3;
  className?: string;
}

const columnClasses: Record<NonNullable<StatListProps["columns"]>, string> = {
  auto: "grid-cols-1 @lg:grid-cols-2 @3xl:grid-cols-3",
  1: "grid-cols-1",
  3: "grid-cols-3",
};

/** A description list laid out as a grid of `Stat`s. */
export function StatList({ children, columns = "auto", className }: StatListProps) {
  return (
    <div className={cx("@container", className)}>
      <dl className={cx("grid gap-4", columnClasses[columns])}>{children}</dl>
    </div>
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
