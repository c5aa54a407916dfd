import { cx, focusRing } from "@omnify/ui";
import { type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes, useId } from "react";

export interface DataTableProps {
  /** Names the table (and its scrolling region) for screen readers. */
  caption: string;
  children: ReactNode;
}

/**
 * A table that scrolls sideways inside its own frame on narrow screens instead of widening the
 * page. The frame is focusable so keyboard users can scroll it too.
 */
export function DataTable({ caption, children }: DataTableProps) {
  const captionId = useId();
  return (
    <section
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard, or keyboard users cannot scroll it.
      tabIndex={0}
      // `relative`: the cells' visually hidden (absolutely positioned) texts must scroll with the
      // table; otherwise they are placed against the page and widen it on a phone.
      className={cx(
        "relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm",
        focusRing,
      )}
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

export function ColumnHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cx(
        "bg-slate-50 px-3 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function Cell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx("px-3 py-2 align-top text-slate-700", className)} {...props} />;
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}
