const names = new Intl.DisplayNames(undefined, { type: "currency" });

/** "EUR" → "EUR · Euro" (just the code when the browser has no name for it). */
export function currencyLabel(code: string): string {
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${code} · ${name}` : code;
}
