import { isConnectorError } from "./errors.ts";

/**
 * Where a client gets its access token. The product's implementation decrypts
 * it from the database and stores refreshed tokens back, encrypted.
 */
export interface TokenSource {
  accessToken(): Promise<string>;
  /**
   * Obtains a new access token after the platform rejected the current one as
   * expired. Absent where the platform has no refresh (Meta, TikTok).
   */
  refresh?(): Promise<string>;
}

/** A fixed token (tests, one-off scripts). */
export const staticToken = (token: string): TokenSource => ({ accessToken: async () => token });

/**
 * Runs `call` with the current token; if the platform says it expired and the
 * source can refresh, refreshes once and runs it again.
 */
export async function withFreshToken<T>(
  tokens: TokenSource,
  call: (token: string) => Promise<T>,
): Promise<T> {
  const token = await tokens.accessToken();
  try {
    return await call(token);
  } catch (error) {
    if (!isConnectorError(error, "auth_expired") || !tokens.refresh) throw error;
    return call(await tokens.refresh());
  }
}
