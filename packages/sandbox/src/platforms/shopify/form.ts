import type { Context } from "hono";
import type { SandboxEnv } from "../../platform.ts";

/** The token endpoint takes JSON or a form; the consent page posts a form with repeated `scope` fields. */
export type Fields = Record<string, string | string[]>;

export async function formFields(c: Context<SandboxEnv>): Promise<Fields> {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("application/json")) {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(body)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([key, value]) => [key, String(value)]),
    );
  }
  const body = await c.req.parseBody({ all: true }).catch(() => ({}));
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.filter((item) => typeof item === "string") : String(value),
    ]),
  );
}

export const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
export const list = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value : value ? [value] : [];
