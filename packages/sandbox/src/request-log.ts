/** One request the sandbox answered, for tests that check how clients behave (never the token itself). */
export interface LoggedRequest {
  /** Epoch milliseconds when the request arrived. */
  at: number;
  platform: string;
  method: string;
  /** Path without the query string (queries can carry tokens). */
  path: string;
  status: number;
  /** The grant the access token belonged to: requests with one token share it. */
  grantId: string | null;
  fault: string | null;
  /** For rate-limited answers: how long the client was asked to wait. */
  retryAfterMs: number | null;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly limit = 100_000) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
