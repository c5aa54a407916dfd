import { z } from "zod";
import { joinUrl, parseShape, requestJson } from "../http.ts";
import { type TokenSource, withFreshToken } from "../tokens.ts";
import type { ResolvedGoogleConfig } from "./config.ts";
import { adsApiError } from "./errors.ts";
import { accessibleCustomersSchema, batchSchema } from "./schemas.ts";

/** searchStream sends a whole report in one response; big accounts take a while (Airbyte allows 5 minutes). */
const streamTimeoutMs = 300_000;

/** The two Ads API calls the connector needs, with Google's headers and error reading. */
export class GoogleAdsClient {
  constructor(private readonly config: ResolvedGoogleConfig) {}

  private headers(token: string, loginCustomerId: string | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      "developer-token": this.config.developerToken,
    };
    // Needed whenever access to the customer comes through a manager account.
    if (loginCustomerId) headers["login-customer-id"] = loginCustomerId.replace(/-/g, "");
    return headers;
  }

  /** The customers the login can reach directly (for an agency, its manager accounts). */
  async listAccessibleCustomers(tokens: TokenSource): Promise<string[]> {
    const url = joinUrl(this.config.adsUrl, `/${this.config.apiVersion}/customers:listAccessibleCustomers`);
    const body = await withFreshToken(tokens, async (token) => {
      const response = await requestJson("google", url, { headers: this.headers(token, undefined) });
      if (response.status !== 200) throw adsApiError(response);
      return response.body;
    });
    const parsed = parseShape("google", accessibleCustomersSchema, body, "the accessible customers");
    return parsed.resourceNames.map((name) => name.slice("customers/".length));
  }

  /**
   * Runs a GAQL query with searchStream and returns its batches. Google
   * answers with a JSON array, and a stream that breaks part-way ends in an
   * `{error}` element after some batches, even on HTTP 200.
   */
  async searchStream<Row extends z.ZodType>(
    tokens: TokenSource,
    customer: { customerId: string; loginCustomerId?: string },
    query: string,
    row: Row,
    what: string,
  ): Promise<z.infer<Row>[][]> {
    const customerId = customer.customerId.replace(/-/g, "");
    const url = joinUrl(
      this.config.adsUrl,
      `/${this.config.apiVersion}/customers/${encodeURIComponent(customerId)}/googleAds:searchStream`,
    );
    const body = await withFreshToken(tokens, async (token) => {
      const response = await requestJson("google", url, {
        method: "POST",
        headers: this.headers(token, customer.loginCustomerId),
        json: { query },
        timeoutMs: streamTimeoutMs,
      });
      const failed =
        Array.isArray(response.body) &&
        response.body.some((item) => typeof item === "object" && item !== null && "error" in item);
      if (response.status !== 200 || failed) throw adsApiError(response, customerId);
      return response.body;
    });
    return parseShape("google", z.array(batchSchema(row)), body, what).map((batch) => batch.results);
  }
}
