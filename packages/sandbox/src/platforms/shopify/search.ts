import { TZDate } from "@date-fns/tz";

/**
 * Shopify's search syntax for the `query` argument of `orders`, the part the
 * product uses: date comparisons joined by AND, e.g.
 * `updated_at:>='2026-11-01T00:00:00Z' AND updated_at:<'2026-11-02T00:00:00Z'`.
 * Shopify ignores a term it cannot use and says so in `extensions.search`
 * rather than failing the query; the sandbox does the same.
 */

export type DateField = "created_at" | "processed_at" | "updated_at";
type Operator = ">" | ">=" | "<" | "<=" | "=";

export interface DateTerm {
  field: DateField;
  operator: Operator;
  /** Epoch milliseconds. */
  at: number;
}

export interface SearchWarning {
  field: string | null;
  message: string;
}

export interface ParsedSearch {
  terms: DateTerm[];
  warnings: SearchWarning[];
}

const dateFields = new Set<string>(["created_at", "processed_at", "updated_at"]);
const termPattern = /^([a-z_]+):(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|(\S+))$/;
// Splits on whitespace outside quotes.
const tokenPattern = /(?:[^\s'"]+|'[^']*'|"[^"]*")+/g;

export function parseSearch(query: string | null | undefined, timeZone: string): ParsedSearch {
  const terms: DateTerm[] = [];
  const warnings: SearchWarning[] = [];
  for (const token of query?.match(tokenPattern) ?? []) {
    if (token === "AND") continue;
    const match = termPattern.exec(token);
    if (!match) {
      warnings.push({ field: null, message: `Unsupported search term: ${token}` });
      continue;
    }
    const [, field = "", operator = "=", single, double, bare] = match;
    if (!dateFields.has(field)) {
      warnings.push({ field, message: "Invalid search field for this query." });
      continue;
    }
    const at = parseInstant(single ?? double ?? bare ?? "", timeZone);
    if (at === null) {
      warnings.push({ field, message: "Invalid value for this field." });
      continue;
    }
    terms.push({ field: field as DateField, operator: operator as Operator, at });
  }
  return { terms, warnings };
}

/** An ISO instant, or a bare date meaning midnight in the shop's time zone. */
function parseInstant(text: string, timeZone: string): number | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const [, year, month, date] = day.map(Number) as [number, number, number, number];
    return new TZDate(year, month - 1, date, 0, 0, 0, timeZone).getTime();
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : at;
}

export function matchesTerms(values: Record<DateField, string>, terms: DateTerm[]): boolean {
  return terms.every(({ field, operator, at }) => {
    const value = Date.parse(values[field]);
    switch (operator) {
      case ">":
        return value > at;
      case ">=":
        return value >= at;
      case "<":
        return value < at;
      case "<=":
        return value <= at;
      default:
        return value === at;
    }
  });
}
