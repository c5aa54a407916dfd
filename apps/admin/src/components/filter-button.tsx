import { cx, focusRing } from "@omnify/ui";
import type { ReactNode } from "react";

export interface FilterButtonProps {
  /** Read before the visible text, e.g. "Filter by shop". */
  purpose: string;
  onClick: () => void;
  children: ReactNode;
}

/** A value in a table that, when pressed, narrows the list to rows with that value. */
export function FilterButton({ purpose, onClick, children }: FilterButtonProps) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={cx("rounded text-left text-indigo-700 hover:text-indigo-600 hover:underline", focusRing)}
    >
      <span className="sr-only">{purpose} </span>
      {children}
    </button>
  );
}
