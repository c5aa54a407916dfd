import { cx } from "./cx.ts";

export interface SkeletonProps {
  /** Size it with Tailwind classes, e.g. "h-4 w-32". */
  className?: string;
}

/**
 * A grey placeholder shaped like the content to come. Hidden from assistive technology:
 * mark the surrounding region `aria-busy` (Card's `busy`) instead.
 */
export function Skeleton({ className }: SkeletonProps) {
  return (
    <div aria-hidden="true" className={cx("animate-pulse rounded bg-slate-200", className ?? "h-4 w-full")} />
  );
}
