import { z } from "zod";
import { newPasswordField } from "./fields.ts";

/** A new password typed twice; a mismatch is reported under the second field. */
export const newPasswordPair = z
  .object({ newPassword: newPasswordField, confirmPassword: z.string() })
  .refine(({ newPassword, confirmPassword }) => newPassword === confirmPassword, {
    error: "The passwords do not match.",
    path: ["confirmPassword"],
  });
