import { Button, type ButtonProps } from "@omnify/ui";

export interface SubmitButtonProps extends Omit<ButtonProps, "type"> {
  pending: boolean;
  /** Shown while the submission is on its way. */
  pendingLabel?: string;
}

/** A form's submit button: disabled and relabelled while pending, so it cannot be sent twice. */
export function SubmitButton({
  pending,
  pendingLabel = "Saving…",
  children,
  disabled,
  ...props
}: SubmitButtonProps) {
  return (
    <Button type="submit" disabled={pending || disabled} aria-busy={pending || undefined} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
