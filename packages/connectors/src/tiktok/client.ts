import type { z } from "zod";
import { type HttpOptions, joinUrl, parseShape, requestJson } from "../http.ts";
import { type TokenSource, withFreshToken } from "../tokens.ts";
import { httpError, tiktokError } from "./failures.ts";
import { envelopeSchema, pagedSchema } from "./schemas.ts";

export interface TikTokConfig {
  /** The developer app's id and secret (TikTok API for Business → My Apps). */
  appId: string;
  appSecret: string;
  /** Default `https://business-api.tiktok.com`; the sandbox's `/tiktok` prefix in the local stack. */
  apiUrl?: string;
  /** Default `v1.3`. */
  apiVersion?: string;
  /** Rows per page for entity lists and reports, 1–1000 (default 1000, TikTok's maximum). */
  pageSize?: number;
}

export type ResolvedTikTokConfig = Required<TikTokConfig>;

export const tiktokDefaults = {
  apiUrl: "https://business-api.tiktok.com",
  apiVersion: "v1.3",
  pageSize: 1000,
} as const;

export function resolveConfig(config: TikTokConfig): ResolvedTikTokConfig {
  const pageSize = config.pageSize ?? tiktokDefaults.pageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
    throw new RangeError("TikTok pageSize must be an integer from 1 to 1000");
  return {
    appId: config.appId,
    appSecret: config.appSecret,
    // `||`: an empty environment variable means "not set" too.
    apiUrl: config.apiUrl || tiktokDefaults.apiUrl,
    apiVersion: config.apiVersion || tiktokDefaults.apiVersion,
    pageSize,
  };
}

/** Query values: lists and objects go as JSON text, as TikTok's GET endpoints expect. */
export type QueryValue = string | number | boolean | readonly unknown[] | Record<string, unknown> | undefined;

function encodeQuery(query: Record<string, QueryValue>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      value === undefined || typeof value === "string"
        ? value
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value),
    ]),
  );
}

/**
 * HTTP against TikTok's Marketing API: `/open_api/{version}/…/` paths (the
 * trailing slash matters), the token in the `Access-Token` header (never
 * "Bearer", never the query), and the `{code, message, request_id, data}`
 * envelope checked on every answer, HTTP 200 included.
 */
export class TikTokClient {
  constructor(readonly config: ResolvedTikTokConfig) {}

  url(path: string, query: Record<string, QueryValue> = {}): URL {
    return joinUrl(this.config.apiUrl, `/open_api/${this.config.apiVersion}/${path}`, encodeQuery(query));
  }

  /** A GET with the advertiser's token; `data` validated against `schema`. */
  async get<Schema extends z.ZodType>(
    tokens: TokenSource,
    path: string,
    query: Record<string, QueryValue>,
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    return withFreshToken(tokens, (token) =>
      this.call(this.url(path, query), { headers: { "Access-Token": token } }, schema, what),
    );
  }

  /** A JSON POST that authenticates with the app's credentials in the body (the OAuth endpoints). */
  post<Schema extends z.ZodType>(
    path: string,
    json: unknown,
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    return this.call(this.url(path), { method: "POST", json }, schema, what);
  }

  /**
   * Every page of a `{list, page_info}` endpoint: `page` from 1 until
   * `page >= page_info.total_page` (or an empty page), one batch per page.
   */
  async *pages<Item extends z.ZodType>(
    tokens: TokenSource,
    path: string,
    query: Record<string, QueryValue>,
    item: Item,
    what: string,
  ): AsyncGenerator<z.infer<Item>[]> {
    const schema = pagedSchema(item);
    for (let page = 1; ; page++) {
      const data = await this.get(
        tokens,
        path,
        { ...query, page, page_size: this.config.pageSize },
        schema,
        what,
      );
      const list = data.list as z.infer<Item>[];
      if (list.length > 0) yield list;
      if (list.length === 0 || page >= data.page_info.total_page) return;
    }
  }

  private async call<Schema extends z.ZodType>(
    url: URL,
    options: HttpOptions,
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    const response = await requestJson("tiktok", url, options);
    // No envelope on an error status: a wrong path, a gateway outage or a bare throttle.
    if (response.status !== 200 && !envelopeSchema.safeParse(response.body).success)
      throw httpError(response.status, response.headers);
    const { code, message, data } = parseShape("tiktok", envelopeSchema, response.body, what);
    // 20001 is "partially successful" (batch writes); the data is still there.
    if (code !== 0 && code !== 20001)
      throw tiktokError({ code, message, status: response.status, headers: response.headers });
    if (response.status !== 200) throw httpError(response.status, response.headers);
    return parseShape("tiktok", schema, data, what);
  }
}
