import { type ButtonProps, cx, focusRing } from "@omnify/ui";

// @omnify/ui has no destructive variant; this one matches its buttons' shape and sizes.
const variants = {
  solid: "bg-red-600 text-white shadow-sm hover:bg-red-500",
  outline: "bg-white text-red-700 shadow-sm ring-1 ring-red-300 ring-inset hover:bg-red-50",
};

export interface DangerButtonProps extends Omit<ButtonProps, "variant"> {
  /** Solid for the final "yes, do it", outline for the button that asks first. */
  tone?: keyof typeof variants;
}

export function DangerButton({
  tone = "outline",
  size = "md",
  type = "button",
  className,
  ...props
}: DangerButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        "inline-flex items-center justify-center gap-1.5 rounded-md font-medium",
        "disabled:cursor-not-allowed disabled:opacity-50",
        size === "sm" ? "px-2.5 py-1.5 text-sm" : "px-3.5 py-2 text-sm",
        variants[tone],
        focusRing,
        className,
      )}
      {...props}
    />
  );
}
