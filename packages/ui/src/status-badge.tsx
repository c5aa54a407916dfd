import type { ReactNode } from "react";
import { cx } from "./cx.ts";

export type StatusTone = "ok" | "warn" | "error" | "neutral";

export interface StatusBadgeProps {
  tone: StatusTone;
  /** The words carry the meaning; the colour only repeats it. */
  children: ReactNode;
  className?: string;
}

const tones: Record<StatusTone, { badge: string; dot: string }> = {
  ok: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/20", dot: "bg-emerald-500" },
  warn: { badge: "bg-amber-50 text-amber-800 ring-amber-600/20", dot: "bg-amber-500" },
  error: { badge: "bg-red-50 text-red-800 ring-red-600/20", dot: "bg-red-500" },
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-500/20", dot: "bg-slate-400" },
};

export function StatusBadge({ tone, children, className }: StatusBadgeProps) {
  return (
    <span
      data-tone={tone}
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone].badge,
        className,
      )}
    >
      <span aria-hidden="true" className={cx("size-1.5 rounded-full", tones[tone].dot)} />
      {children}
    </span>
  );
}
