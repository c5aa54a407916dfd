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

export interface SkeletonLinesProps {
  /** Each line's size, top to bottom, e.g. `["h-4 w-24", "h-6 w-36"]` for a label over a value. */
  sizes: readonly string[];
  /** Spacing (and any frame) of the stack, e.g. "space-y-2". */
  className?: string;
}

/** Placeholder lines stacked like a block of text still to come: a stat, a card. */
export function SkeletonLines({ sizes, className }: SkeletonLinesProps) {
  return (
    <div className={className}>
      {sizes.map((size, index) => (
        <Skeleton key={index} className={size} />
      ))}
    </div>
  );
}
