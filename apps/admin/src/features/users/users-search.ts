import { z } from "zod";

/**
 * `/users?q=…`. The router parses search values as JSON, so a query like `?q=42` arrives as a
 * number: it is turned back into text.
 */
export const usersSearch = z.object({
  q: z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim() || undefined)
    .optional()
    .catch(undefined),
});

export type UsersSearch = z.infer<typeof usersSearch>;
