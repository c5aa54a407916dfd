import { zodResolver } from "@hookform/resolvers/zod";
import { describeError, serverFieldErrors } from "@omnify/client";
import { Button, Field, FormAlert, Spinner, TextInput } from "@omnify/ui";
import { useEffect, useId, useRef } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { StaffUserRow } from "../../components/types.ts";

const banSchema = z.object({
  reason: z.string().trim().max(500, { error: "Keep the reason under 500 characters." }),
});

type BanValues = z.infer<typeof banSchema>;

export interface BanUserDialogProps {
  user: StaffUserRow;
  /** Bans the user; rejects with the server's error. */
  onConfirm: (reason: string | undefined) => Promise<void>;
  /** The dialog closed (banned, cancelled or Escape): unmount it. */
  onClose: () => void;
}

/**
 * Asks before banning, with an optional reason for the audit log. A native modal dialog: it
 * traps focus, closes on Escape and gives focus back to the Ban button.
 */
export function BanUserDialog({ user, onConfirm, onClose }: BanUserDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<BanValues>({ resolver: zodResolver(banSchema), defaultValues: { reason: "" } });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function onSubmit({ reason }: BanValues) {
    try {
      await onConfirm(reason || undefined);
      dialogRef.current?.close();
    } catch (error) {
      const reasonError = serverFieldErrors(error)?.reason?.[0];
      if (reasonError) setError("reason", { message: `The reason ${reasonError}.` });
      else setError("root.server", { message: describeError(error) });
    }
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold break-all">
          Ban {user.email}?
        </h2>
        <p id={descriptionId} className="text-sm text-slate-600">
          They are signed out everywhere at once and cannot sign in until the ban is lifted. Their shops and
          data are kept.
        </p>
        {errors.root?.server?.message ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <Field label="Reason (optional)" hint="Recorded in the audit log." error={errors.reason?.message}>
          {(ids) => <TextInput {...ids} {...register("reason")} maxLength={500} />}
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? <Spinner label="Banning" /> : null}
            Ban user
          </Button>
        </div>
      </form>
    </dialog>
  );
}
