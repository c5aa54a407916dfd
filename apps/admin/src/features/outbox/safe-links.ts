/**
 * Only web links become clickable: the outbox shows what emails contain, and a `javascript:`
 * URL in one must not run in the staff console.
 */
export function isWebLink(href: string): boolean {
  try {
    const { protocol } = new URL(href);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
