import { httpStatusOf } from "@omnify/client";

/** NOT_FOUND, or an id that is not even well-formed (BAD_REQUEST): the same thing to a visitor. */
export function isMissing(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === 404 || status === 400;
}

export function isSignedOut(error: unknown): boolean {
  return httpStatusOf(error) === 401;
}
