import { type ReactNode, useId } from "react";
import { cx } from "./cx.ts";

export interface CardProps {
  title: string;
  description?: ReactNode;
  /** Shown at the right of the title, e.g. a status badge or a refresh button. */
  actions?: ReactNode;
  footer?: ReactNode;
  className?: string;
  /** Marks the content as loading for assistive technology (`aria-busy`). */
  busy?: boolean;
  children: ReactNode;
}

/** A titled section; the title names the region for screen readers. */
export function Card({ title, description, actions, footer, className, busy, children }: CardProps) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      aria-busy={busy || undefined}
      className={cx("flex flex-col rounded-lg border border-slate-200 bg-white shadow-sm", className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-4 py-3 sm:px-5">
        <div className="min-w-0">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      <div className="flex-1 px-4 py-4 sm:px-5">{children}</div>
      {footer ? (
        <div className="border-t border-slate-100 px-4 py-3 text-sm text-slate-600 sm:px-5">{footer}</div>
      ) : null}
    </section>
  );
}
