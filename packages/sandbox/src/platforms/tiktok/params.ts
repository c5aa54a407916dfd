import { codes, Failure } from "./envelope.ts";

type Query = Record<string, string | undefined>;

const invalid = (message: string) => new Failure(codes.invalidParameter, message);

/** A required plain parameter. */
export function required(query: Query, name: string): string {
  const value = query[name];
  if (value === undefined || value === "") throw invalid(`${name}: Missing data for required field.`);
  return value;
}

/** TikTok sends list and object parameters as JSON text in the query string; parse it or refuse with 40002. */
export function jsonParam(query: Query, name: string): unknown {
  const text = query[name];
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(`${name}: Not a valid JSON.`);
  }
}

export function stringList(query: Query, name: string, max = 1000): string[] | undefined {
  const value = jsonParam(query, name);
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" || typeof item === "number"))
    throw invalid(`${name}: Not a valid list.`);
  if (value.length > max) throw invalid(`${name}: Length must be between 1 and ${max}.`);
  return value.map(String);
}

export function objectParam(query: Query, name: string): Record<string, unknown> | undefined {
  const value = jsonParam(query, name);
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid(`${name}: Not a valid mapping type.`);
  return value as Record<string, unknown>;
}

function integer(query: Query, name: string, fallback: number, min: number, max: number): number {
  const text = query[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value)) throw invalid(`${name}: Not a valid integer.`);
  if (value < min || value > max) throw invalid(`${name}: Must be between ${min} and ${max}.`);
  return value;
}

/** `page` from 1 and `page_size` 1–1000 (default 10, as TikTok's GET endpoints). */
export function paging(query: Query): { page: number; pageSize: number } {
  return {
    page: integer(query, "page", 1, 1, 99_999),
    pageSize: integer(query, "page_size", 10, 1, 1000),
  };
}

/** One page of `items` in TikTok's `{list, page_info}` shape; pages past the end are empty. */
export function paginate<T>(items: T[], { page, pageSize }: { page: number; pageSize: number }) {
  return {
    list: items.slice((page - 1) * pageSize, page * pageSize),
    page_info: {
      page,
      page_size: pageSize,
      total_number: items.length,
      total_page: Math.ceil(items.length / pageSize),
    },
  };
}

/** Keeps only the requested `fields` (all when absent), refusing names the object does not have. */
export function project<T extends Record<string, unknown>>(
  items: T[],
  fields: string[] | undefined,
  known: readonly string[],
): Record<string, unknown>[] {
  if (!fields) return items;
  const unknown = fields.filter((field) => !known.includes(field));
  if (unknown.length) throw invalid(`fields: Invalid field(s) ${JSON.stringify(unknown)}.`);
  return items.map((item) => Object.fromEntries(fields.map((field) => [field, item[field] ?? null])));
}

export { invalid };
