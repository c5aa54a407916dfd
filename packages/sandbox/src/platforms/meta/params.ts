import type { Context } from "hono";

/**
 * Graph parameters arrive in the query string or, for POSTs, in a form body;
 * both count. The form is parsed once, before `apiGuard` reads the token.
 */
const forms = new WeakMap<Request, Record<string, string>>();

export async function readForm(c: Context): Promise<Record<string, string>> {
  const cached = forms.get(c.req.raw);
  if (cached) return cached;
  const form: Record<string, string> = {};
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    const type = c.req.header("content-type") ?? "";
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      const body = await c.req.parseBody();
      for (const [key, value] of Object.entries(body)) if (typeof value === "string") form[key] = value;
    } else if (type.includes("application/json")) {
      const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
      for (const [key, value] of Object.entries(body))
        form[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  forms.set(c.req.raw, form);
  return form;
}

/** Query and (already read) form parameters, the form winning. */
export function paramsOf(c: Context): Record<string, string> {
  return { ...c.req.query(), ...(forms.get(c.req.raw) ?? {}) };
}

/** The access token, from `Authorization: Bearer|OAuth …` or the `access_token` parameter. */
export function tokenOf(c: Context): string | undefined {
  const header = c.req.header("authorization");
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1] ?? paramsOf(c).access_token;
}

export interface FieldRequest {
  name: string;
  /** `creative{id,name}` → ["id", "name"]. */
  sub: FieldRequest[] | null;
}

/** Parses Graph's `fields` syntax, including nested `{…}` selections. */
export function parseFields(text: string | undefined): FieldRequest[] {
  if (!text?.trim()) return [];
  const fields: FieldRequest[] = [];
  let depth = 0;
  let start = 0;
  const push = (part: string) => {
    const trimmed = part.trim();
    if (!trimmed) return;
    const brace = trimmed.indexOf("{");
    if (brace < 0) fields.push({ name: trimmed, sub: null });
    else
      fields.push({ name: trimmed.slice(0, brace).trim(), sub: parseFields(trimmed.slice(brace + 1, -1)) });
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "{") depth++;
    else if (char === "}") depth--;
    else if (char === "," && depth === 0) {
      push(text.slice(start, index));
      start = index + 1;
    }
  }
  push(text.slice(start));
  return fields;
}

/** A JSON-valued parameter (`time_range`, `filtering`), or an error message. */
export function jsonParam(value: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (value === undefined) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}

/** `limit`: Meta's default is 25. */
export function limitOf(value: string | undefined, fallback = 25): number | null {
  if (value === undefined) return fallback;
  const limit = Number(value);
  return Number.isInteger(limit) && limit > 0 ? limit : null;
}
