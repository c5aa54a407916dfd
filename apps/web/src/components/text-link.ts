import { cx, focusRing } from "@omnify/ui";

/** Classes for an inline text link (not a button-shaped one). */
export const textLinkClassName = cx(
  "rounded-sm font-medium text-indigo-700 underline-offset-2 hover:underline",
  focusRing,
);
