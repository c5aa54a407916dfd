import { addDays } from "../../dataset/index.ts";
import { type FieldDef, fields, type Row, resourceOf, resources } from "./fields.ts";
import { type Condition, GaqlError, type GaqlQuery, type GaqlValue } from "./gaql.ts";

type Comparable = string | number | bigint | boolean;

/** A parsed query checked against the field catalog, ready to run. */
export interface QueryPlan {
  from: string;
  select: { name: string; def: FieldDef }[];
  /** Conditions on `segments.date`: they pick the metric rows (and bound the range). */
  dateConditions: Condition[];
  /** Every other condition, applied to finished rows. */
  filters: ((row: Row) => boolean)[];
  orderBy: { def: FieldDef; descending: boolean }[];
  limit: number | null;
  /** Any `metrics.*` field in SELECT, WHERE or ORDER BY. */
  usesMetrics: boolean;
  /** `segments.date` is selected: one row per entity and day. */
  segmented: boolean;
}

const supportedResources = Object.keys(resources).join(", ");

function lookUp(name: string, from: string, clause: "SELECT" | "WHERE" | "ORDER BY"): FieldDef {
  const def = fields[name];
  if (!def) throw new GaqlError("UNRECOGNIZED_FIELD", `Unrecognized field in the query: '${name}'.`, name);
  const resource = resourceOf(name);
  const target = resources[from];
  if (!target) throw new Error(`unchecked resource ${from}`);
  if (resource === "metrics" && !target.metrics)
    throw new GaqlError(
      "PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE",
      `Metric '${name}' cannot be selected with FROM ${from}.`,
      name,
    );
  if (resource === "segments" && !target.metrics)
    throw new GaqlError(
      "PROHIBITED_SEGMENT_IN_SELECT_OR_WHERE_CLAUSE",
      `Segment '${name}' cannot be selected with FROM ${from}.`,
      name,
    );
  if (resource !== "metrics" && resource !== "segments" && !target.selectable.includes(resource))
    throw new GaqlError(
      clause === "WHERE"
        ? "PROHIBITED_RESOURCE_TYPE_IN_WHERE_CLAUSE"
        : "PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE",
      `Field '${name}' comes from a resource that cannot be used with FROM ${from}.`,
      name,
    );
  return def;
}

export function planQuery(query: GaqlQuery): QueryPlan {
  if (!resources[query.from])
    throw new GaqlError(
      "BAD_RESOURCE_TYPE_IN_FROM_CLAUSE",
      `The Omnify sandbox serves FROM ${supportedResources}; not '${query.from}'.`,
      query.from,
    );
  const select = query.select.map((name) => ({ name, def: lookUp(name, query.from, "SELECT") }));
  const dateConditions: Condition[] = [];
  const filters: QueryPlan["filters"] = [];
  for (const condition of query.where) {
    const def = lookUp(condition.field, query.from, "WHERE");
    if (condition.field === "segments.date") {
      checkDateCondition(condition);
      dateConditions.push(condition);
    } else {
      filters.push(predicate(condition, def));
    }
  }
  const orderBy = query.orderBy.map(({ field, descending }) => ({
    def: lookUp(field, query.from, "ORDER BY"),
    descending,
  }));
  const named = [...query.select, ...query.where.map((c) => c.field), ...query.orderBy.map((o) => o.field)];
  return {
    from: query.from,
    select,
    dateConditions,
    filters,
    orderBy,
    limit: query.limit,
    usesMetrics: named.some((name) => resourceOf(name) === "metrics"),
    segmented: query.select.includes("segments.date"),
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (text: string) =>
  isoDate.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

function dateLiteral(
  value: GaqlValue,
  code: "INVALID_DATE_FORMAT" | "INVALID_VALUE_WITH_BETWEEN_OPERATOR",
): string {
  if (value.kind !== "string" || !isDate(value.value))
    throw new GaqlError(code, `Invalid date '${value.value}'. Expected 'YYYY-MM-DD'.`, value.value);
  return value.value;
}

const duringRanges = [
  "TODAY",
  "YESTERDAY",
  "LAST_7_DAYS",
  "LAST_14_DAYS",
  "LAST_30_DAYS",
  "THIS_MONTH",
  "LAST_MONTH",
] as const;

function checkDateCondition(condition: Condition): void {
  if (condition.op === "DURING") {
    if (!(duringRanges as readonly string[]).includes(condition.range))
      throw new GaqlError(
        "INVALID_VALUE_WITH_DURING_OPERATOR",
        `The Omnify sandbox supports DURING ${duringRanges.join(", ")}; not '${condition.range}'.`,
        condition.range,
      );
  } else if (condition.op === "BETWEEN") {
    dateLiteral(condition.low, "INVALID_VALUE_WITH_BETWEEN_OPERATOR");
    dateLiteral(condition.high, "INVALID_VALUE_WITH_BETWEEN_OPERATOR");
  } else if (condition.op === "IN" || condition.op === "NOT IN") {
    for (const value of condition.values) dateLiteral(value, "INVALID_DATE_FORMAT");
  } else {
    dateLiteral(condition.value, "INVALID_DATE_FORMAT");
  }
}

/** The days the date conditions allow, in the customer's calendar (`today` is the customer's). */
export interface DateFilter {
  since: string | undefined;
  until: string | undefined;
  test(date: string): boolean;
}

function duringBounds(range: string, today: string): [string, string] {
  const month = today.slice(0, 7);
  switch (range) {
    case "TODAY":
      return [today, today];
    case "YESTERDAY":
      return [addDays(today, -1), addDays(today, -1)];
    case "THIS_MONTH":
      return [`${month}-01`, today];
    case "LAST_MONTH": {
      const end = addDays(`${month}-01`, -1);
      return [`${end.slice(0, 7)}-01`, end];
    }
    default: {
      // LAST_N_DAYS ends yesterday.
      const days = Number(/\d+/.exec(range)?.[0]);
      return [addDays(today, -days), addDays(today, -1)];
    }
  }
}

export function dateFilter(conditions: Condition[], today: string): DateFilter {
  let since: string | undefined;
  let until: string | undefined;
  const tests: ((date: string) => boolean)[] = [];
  const atLeast = (date: string) => {
    if (since === undefined || date > since) since = date;
  };
  const atMost = (date: string) => {
    if (until === undefined || date < until) until = date;
  };
  for (const condition of conditions) {
    if (condition.op === "DURING" || condition.op === "BETWEEN") {
      const [low, high] =
        condition.op === "DURING"
          ? duringBounds(condition.range, today)
          : [(condition.low as { value: string }).value, (condition.high as { value: string }).value];
      if (low > high)
        throw new GaqlError(
          "DATE_RANGE_TOO_NARROW",
          `The date range starts (${low}) after it ends (${high}).`,
        );
      atLeast(low);
      atMost(high);
      tests.push((date) => date >= low && date <= high);
    } else if (condition.op === "IN" || condition.op === "NOT IN") {
      const days = condition.values.map((value) => value.value);
      if (condition.op === "IN") {
        // YYYY-MM-DD strings sort as dates (Math.min would not take them).
        const sorted = [...days].sort();
        atLeast(sorted[0] as string);
        atMost(sorted[sorted.length - 1] as string);
        tests.push((date) => days.includes(date));
      } else {
        tests.push((date) => !days.includes(date));
      }
    } else {
      const day = condition.value.value;
      const op = condition.op;
      if (op === "=" || op === ">=" || op === ">") atLeast(op === ">" ? addDays(day, 1) : day);
      if (op === "=" || op === "<=" || op === "<") atMost(op === "<" ? addDays(day, -1) : day);
      tests.push((date) => compareWith(op, compare(date, day)));
    }
  }
  return { since, until, test: (date) => tests.every((test) => test(date)) };
}

function compareWith(op: string, order: number): boolean {
  switch (op) {
    case "=":
      return order === 0;
    case "!=":
      return order !== 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    default:
      return order >= 0;
  }
}

/** Orders two field values; unset values sort first. Numbers and bigints compare by value. */
export function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const numeric = (value: unknown) => typeof value === "number" || typeof value === "bigint";
  if (numeric(a) && numeric(b))
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  return String(a) < String(b) ? -1 : 1;
}

/** A WHERE literal as the field's kind compares it. */
function literal(def: FieldDef, field: string, value: GaqlValue): Comparable {
  switch (def.kind) {
    case "int64": {
      // Ids run past 2^53, so int64 values compare as bigints.
      if (value.kind === "word" || !/^-?\d+$/.test(value.value))
        throw new GaqlError(
          "BAD_NUMBER",
          `'${value.value}' is not a whole number (field ${field}).`,
          value.value,
        );
      return BigInt(value.value);
    }
    case "double": {
      const number = Number(value.value);
      if (value.kind === "word" || !Number.isFinite(number))
        throw new GaqlError("BAD_NUMBER", `'${value.value}' is not a number (field ${field}).`, value.value);
      return number;
    }
    case "enum": {
      if (value.kind === "number" || !def.values?.includes(value.value))
        throw new GaqlError(
          "BAD_ENUM_CONSTANT",
          `Invalid enum value '${value.value}' for ${field}.`,
          value.value,
        );
      return value.value;
    }
    case "bool": {
      const word = value.value.toUpperCase();
      if (value.kind === "number" || (word !== "TRUE" && word !== "FALSE"))
        throw new GaqlError("BAD_VALUE", `Expected TRUE or FALSE for ${field}.`, value.value);
      return word === "TRUE";
    }
    default:
      if (value.kind !== "string")
        throw new GaqlError("INVALID_STRING_VALUE", `Expected a quoted string for ${field}.`, value.value);
      return value.value;
  }
}

/** A row's value for comparison: int64 strings as bigints, doubles as numbers. */
const comparable = (def: FieldDef, row: Row): unknown => {
  const value = def.get(row);
  if (value === undefined) return value;
  if (def.kind === "int64") return BigInt(String(value));
  return def.kind === "double" ? Number(value) : value;
};

function predicate(condition: Condition, def: FieldDef): (row: Row) => boolean {
  const { field } = condition;
  if (def.kind === "list")
    throw new GaqlError("PROHIBITED_FIELD_IN_WHERE_CLAUSE", `Field '${field}' cannot be filtered on.`, field);
  if (condition.op === "DURING")
    throw new GaqlError(
      "OPERATOR_FIELD_MISMATCH",
      `DURING applies only to date fields, not ${field}.`,
      field,
    );
  const ordered = def.kind !== "enum" && def.kind !== "bool";
  if (condition.op === "IN" || condition.op === "NOT IN") {
    const values = condition.values.map((value) => literal(def, field, value));
    const inList = (row: Row) => values.some((value) => compare(comparable(def, row), value) === 0);
    return condition.op === "IN" ? inList : (row) => !inList(row);
  }
  if (condition.op === "BETWEEN") {
    if (!ordered)
      throw new GaqlError("OPERATOR_FIELD_MISMATCH", `BETWEEN does not apply to ${field}.`, field);
    const low = literal(def, field, condition.low);
    const high = literal(def, field, condition.high);
    return (row) => compare(comparable(def, row), low) >= 0 && compare(comparable(def, row), high) <= 0;
  }
  const { op } = condition;
  if (!ordered && op !== "=" && op !== "!=")
    throw new GaqlError("OPERATOR_FIELD_MISMATCH", `Operator ${op} does not apply to ${field}.`, field);
  const value = literal(def, field, condition.value);
  return (row) => compareWith(op, compare(comparable(def, row), value));
}

/** Sorts rows by the plan's ORDER BY (stable, so unsorted ties keep the natural order). */
export function sortRows(rows: Row[], orderBy: QueryPlan["orderBy"]): Row[] {
  if (orderBy.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const { def, descending } of orderBy) {
      const order = compare(comparable(def, a), comparable(def, b));
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}
