import { describeAuthError, describeError } from "@omnify/client";

interface AuthErrorShape {
  status?: number;
  message?: string;
  code?: string;
}

/** A failed Better Auth call, carried through TanStack Query with a sentence as its message. */
export class AuthCallError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;

  constructor(error: AuthErrorShape) {
    super(describeAuthError(error));
    this.name = "AuthCallError";
    this.status = error.status;
    this.code = error.code;
  }
}

/** Better Auth answers `{ data, error }`; queries want data or a thrown error. */
export async function unwrapAuth<Data>(
  call: Promise<{ data: Data; error: null } | { data: null; error: AuthErrorShape }>,
): Promise<Data> {
  const result = await call;
  if (result.error) throw new AuthCallError(result.error);
  return result.data as Data;
}

/** A sentence for any failure on these pages: tRPC, Better Auth or a bug. */
export function describeFailure(error: unknown): string {
  return error instanceof AuthCallError ? error.message : describeError(error);
}
