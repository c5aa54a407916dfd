import { describeError, serverFieldErrors } from "@omnify/client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** "must be at least 2 characters" under "Shop name" → "Shop name must be at least 2 characters." */
function asSentence(label: string, message: string): string {
  const text = /^[a-z]/.test(message) ? `${label} ${message}` : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Puts a failed submission on the form: the server's field errors under their fields (the
 * first one focused), anything else in the form-level alert (`errors.root`).
 * `labels` names the fields the form shows, keyed by the server's field names.
 */
export function reportSubmitError<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  labels: Partial<Record<Path<Values>, string>>,
): void {
  const fieldErrors = serverFieldErrors(error);
  const unplaced: string[] = [];
  let focused = false;
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    const message = messages[0];
    if (!message) continue;
    const label = labels[field as Path<Values>];
    if (label === undefined) {
      unplaced.push(message);
      continue;
    }
    setError(field as Path<Values>, { message: asSentence(label, message) }, { shouldFocus: !focused });
    focused = true;
  }
  if (focused && unplaced.length === 0) return;
  const message = unplaced.length > 0 ? unplaced.join(" ") : describeError(error);
  setError("root", { message });
}
