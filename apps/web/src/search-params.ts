// Search parameters arrive as whatever the address bar held: keep only non-empty strings.

export function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** `?email=` prefills a form, `?redirect=` is where to go afterwards (checked by safeRedirect). */
export interface AuthSearch {
  email?: string;
  redirect?: string;
}

export function parseAuthSearch(search: Record<string, unknown>): AuthSearch {
  return { email: optionalString(search.email), redirect: optionalString(search.redirect) };
}
