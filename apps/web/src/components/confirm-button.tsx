import { type ReactNode, useState } from "react";
import { describeFailure } from "../forms/auth-call.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { DangerButton } from "./danger-button.tsx";

export interface ConfirmButtonProps {
  /** The trigger's content; give it an accessible name that says what it acts on. */
  children: ReactNode;
  size?: "sm" | "md";
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  /** Runs on confirmation; a thrown error is shown in the dialog, which stays open. */
  action: () => Promise<unknown>;
}

/** A destructive action behind a confirmation dialog. */
export function ConfirmButton({
  children,
  size = "sm",
  title,
  description,
  confirmLabel,
  pendingLabel,
  action,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await action();
      setOpen(false);
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <DangerButton
        size={size}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {children}
      </DangerButton>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        pendingLabel={pendingLabel}
        pending={pending}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        {description}
      </ConfirmDialog>
    </>
  );
}
