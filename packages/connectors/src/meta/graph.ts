import { createHmac } from "node:crypto";
import type { z } from "zod";
import { ConnectorError } from "../errors.ts";
import { type HttpResponse, joinUrl, parseShape, requestJson } from "../http.ts";
import { type TokenSource, withFreshToken } from "../tokens.ts";
import type { ResolvedMetaConfig } from "./config.ts";
import { graphFailure } from "./errors.ts";
import { listSchema } from "./schemas.ts";

type Query = Record<string, string | number | undefined>;

export interface GraphCall {
  method?: "GET" | "POST" | "DELETE";
  query?: Query;
  /** POST parameters, sent as a form body. */
  form?: Record<string, string>;
}

/**
 * A Graph API client: the token goes in the Authorization header (never the
 * URL), every call carries `appsecret_proof`, and any error answer becomes a
 * typed `ConnectorError`.
 */
export class GraphClient {
  constructor(readonly config: ResolvedMetaConfig) {}

  url(path: string, query: Query = {}): URL {
    return joinUrl(this.config.graphUrl, `/${this.config.apiVersion}/${path.replace(/^\/+/, "")}`, query);
  }

  /** The hex HMAC-SHA256 of the token keyed with the app secret, which proves the call comes from our server. */
  proof(token: string): string {
    return createHmac("sha256", this.config.appSecret).update(token).digest("hex");
  }

  /** One call with a token; the body is checked against `schema`. */
  async call<Schema extends z.ZodType>(
    token: string,
    path: string,
    call: GraphCall,
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    const url = this.url(path, { ...call.query, appsecret_proof: this.proof(token) });
    return this.send(url, token, call, schema, what);
  }

  /** Sends to an exact URL (a `paging.next` link or a built one). */
  async send<Schema extends z.ZodType>(
    url: URL,
    token: string,
    call: GraphCall,
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    const response = await requestJson("meta", url, {
      method: call.method ?? (call.form ? "POST" : "GET"),
      headers: { authorization: `Bearer ${token}` },
      form: call.form,
    });
    return parseShape("meta", schema, successBody(response), what);
  }

  /**
   * Every page of an edge, one page at a time. Continues with the `after`
   * cursor on our own URL, and stops when Meta leaves out `paging.next`.
   */
  async *pages<Item extends z.ZodType>(
    tokens: TokenSource,
    path: string,
    query: Query,
    item: Item,
    what: string,
  ): AsyncGenerator<z.infer<Item>[]> {
    const schema = listSchema(item);
    let after: string | undefined;
    let nextLink: URL | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await withFreshToken(tokens, (token) => {
        if (nextLink) {
          // No cursor to continue from: follow Meta's link, but keep the token out of the URL.
          nextLink.searchParams.delete("access_token");
          nextLink.searchParams.set("appsecret_proof", this.proof(token));
          return this.send(nextLink, token, {}, schema, what);
        }
        return this.call(
          token,
          path,
          { query: { ...query, limit: this.config.pageSize, after } },
          schema,
          what,
        );
      });
      yield page.data as z.infer<Item>[];
      const next = page.paging?.next;
      if (!next) return;
      const cursor = page.paging?.cursors?.after;
      const position = cursor ?? next;
      if (seen.has(position))
        throw new ConnectorError("meta", "malformed_response", `Meta sent the same page of ${what} twice`);
      seen.add(position);
      if (cursor) after = cursor;
      else nextLink = new URL(next);
    }
  }
}

/** The body of a successful answer; anything else (or an error envelope in a 200) becomes a typed error. */
function successBody(response: HttpResponse): unknown {
  const body = response.body;
  const hasError = body !== null && typeof body === "object" && "error" in body;
  if (response.status < 200 || response.status >= 300 || hasError) throw graphFailure(response);
  return body;
}
