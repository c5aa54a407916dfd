/**
 * A small, strict parser for the Google Ads Query Language: the subset
 * connectors use (SELECT … FROM … WHERE a AND b … ORDER BY … LIMIT n). Errors
 * carry Google's QueryError names so clients see what the real API would say;
 * syntax the sandbox does not model is refused rather than guessed at.
 */

export type QueryErrorCode =
  | "QUERY_ERROR"
  | "BAD_ENUM_CONSTANT"
  | "BAD_FIELD_NAME"
  | "BAD_LIMIT_VALUE"
  | "BAD_NUMBER"
  | "BAD_OPERATOR"
  | "BAD_RESOURCE_TYPE_IN_FROM_CLAUSE"
  | "BAD_SYMBOL"
  | "BAD_VALUE"
  | "DATE_RANGE_TOO_NARROW"
  | "EXPECTED_AND"
  | "EXPECTED_BY"
  | "EXPECTED_FILTERS_ON_DATE_RANGE"
  | "EXPECTED_FROM"
  | "EXPECTED_LIST"
  | "EXPECTED_SELECT"
  | "EXPECTED_SINGLE_VALUE"
  | "EXPECTED_VALUE_WITH_BETWEEN_OPERATOR"
  | "INVALID_DATE_FORMAT"
  | "INVALID_STRING_VALUE"
  | "INVALID_VALUE_WITH_BETWEEN_OPERATOR"
  | "INVALID_VALUE_WITH_DURING_OPERATOR"
  | "LIMIT_VALUE_TOO_LOW"
  | "OPERATOR_FIELD_MISMATCH"
  | "PROHIBITED_EMPTY_LIST_IN_CONDITION"
  | "PROHIBITED_FIELD_IN_WHERE_CLAUSE"
  | "PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE"
  | "PROHIBITED_NEWLINE_IN_STRING"
  | "PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE"
  | "PROHIBITED_RESOURCE_TYPE_IN_WHERE_CLAUSE"
  | "PROHIBITED_SEGMENT_IN_SELECT_OR_WHERE_CLAUSE"
  | "REQUESTED_METRICS_FOR_MANAGER"
  | "STRING_NOT_TERMINATED"
  | "UNEXPECTED_END_OF_QUERY"
  | "UNEXPECTED_INPUT"
  | "UNRECOGNIZED_FIELD";

export class GaqlError extends Error {
  constructor(
    readonly code: QueryErrorCode,
    message: string,
    /** The part of the query that caused it (Google's `trigger`). */
    readonly trigger?: string,
  ) {
    super(message);
  }
}

export type GaqlValue =
  | { kind: "string"; value: string }
  | { kind: "number"; value: string }
  /** Enum constants and TRUE/FALSE, written without quotes. */
  | { kind: "word"; value: string };

export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

export type Condition =
  | { field: string; op: ComparisonOperator; value: GaqlValue }
  | { field: string; op: "IN"; values: GaqlValue[] }
  | { field: string; op: "NOT IN"; values: GaqlValue[] }
  | { field: string; op: "BETWEEN"; low: GaqlValue; high: GaqlValue }
  | { field: string; op: "DURING"; range: string };

export interface GaqlQuery {
  select: string[];
  from: string;
  where: Condition[];
  orderBy: { field: string; descending: boolean }[];
  limit: number | null;
}

type Token =
  | { type: "word"; text: string }
  | { type: "string"; text: string }
  | { type: "number"; text: string }
  | { type: "punct"; text: string };

const fieldPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const resourcePattern = /^[a-z][a-z0-9_]*$/;
const unsupported = ["LIKE", "CONTAINS", "IS", "REGEXP_MATCH"];

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index] as string;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const rest = query.slice(index);
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      tokens.push({ type: "word", text: word[0] });
      index += word[0].length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ type: "number", text: number[0] });
      index += number[0].length;
      continue;
    }
    if (char === "'" || char === '"') {
      let text = "";
      let end = index + 1;
      for (;;) {
        const next = query[end];
        if (next === undefined)
          throw new GaqlError("STRING_NOT_TERMINATED", "Query contains an unterminated string.");
        if (next === "\n")
          throw new GaqlError("PROHIBITED_NEWLINE_IN_STRING", "Strings may not contain a newline.");
        if (next === "\\") {
          const escaped = query[end + 1];
          if (escaped === undefined || !"\\'\"".includes(escaped))
            throw new GaqlError("QUERY_ERROR", "Query contains an invalid escape sequence.");
          text += escaped;
          end += 2;
          continue;
        }
        if (next === char) break;
        text += next;
        end++;
      }
      tokens.push({ type: "string", text });
      index = end + 1;
      continue;
    }
    const punct = /^(!=|<=|>=|[=<>,()])/.exec(rest);
    if (punct) {
      tokens.push({ type: "punct", text: punct[0] });
      index += punct[0].length;
      continue;
    }
    throw new GaqlError("BAD_SYMBOL", `Unexpected symbol '${char}' in the query.`, char);
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): GaqlQuery {
    if (!this.keyword("SELECT")) throw new GaqlError("EXPECTED_SELECT", "Query must begin with SELECT.");
    const select = [this.field("SELECT")];
    while (this.punct(",")) select.push(this.field("SELECT"));
    if (!this.keyword("FROM")) {
      if (this.peek()) throw new GaqlError("EXPECTED_FROM", "Expected FROM after the selected fields.");
      throw new GaqlError("UNEXPECTED_END_OF_QUERY", "Query is missing its FROM clause.");
    }
    const resource = this.next("a resource after FROM");
    if (resource.type !== "word" || !resourcePattern.test(resource.text))
      throw new GaqlError(
        "BAD_RESOURCE_TYPE_IN_FROM_CLAUSE",
        `Invalid resource '${resource.text}' in the FROM clause.`,
        resource.text,
      );
    const where: Condition[] = [];
    if (this.keyword("WHERE")) {
      where.push(this.condition());
      while (this.keyword("AND")) where.push(this.condition());
    }
    const orderBy: GaqlQuery["orderBy"] = [];
    if (this.keyword("ORDER")) {
      if (!this.keyword("BY")) throw new GaqlError("EXPECTED_BY", "Expected BY after ORDER.");
      do {
        const field = this.field("ORDER BY");
        const descending = this.keyword("DESC");
        if (!descending) this.keyword("ASC");
        orderBy.push({ field, descending });
      } while (this.punct(","));
    }
    let limit: number | null = null;
    if (this.keyword("LIMIT")) {
      const token = this.next("a number after LIMIT");
      if (token.type !== "number" || token.text.includes("."))
        throw new GaqlError("BAD_LIMIT_VALUE", `Invalid LIMIT value '${token.text}'.`, token.text);
      limit = Number(token.text);
      if (limit < 1)
        throw new GaqlError("LIMIT_VALUE_TOO_LOW", "The LIMIT value must be at least 1.", token.text);
    }
    const extra = this.peek();
    if (extra) {
      const code =
        extra.type === "word" && /^PARAMETERS$/i.test(extra.text) ? "QUERY_ERROR" : "UNEXPECTED_INPUT";
      throw new GaqlError(
        code,
        code === "QUERY_ERROR"
          ? "The Omnify sandbox does not support the PARAMETERS clause."
          : `Unexpected input '${extra.text}' in the query.`,
        extra.text,
      );
    }
    return { select, from: resource.text, where, orderBy, limit };
  }

  private condition(): Condition {
    const field = this.field("WHERE");
    const token = this.next("an operator");
    const op = token.text.toUpperCase();
    if (token.type === "punct" && ["=", "!=", "<", "<=", ">", ">="].includes(op)) {
      if (this.peek()?.text === "(")
        throw new GaqlError("EXPECTED_SINGLE_VALUE", `Operator ${op} expects a single value.`, field);
      return { field, op: op as ComparisonOperator, value: this.value() };
    }
    if (token.type === "word" && op === "IN") return { field, op: "IN", values: this.list(field) };
    if (token.type === "word" && op === "NOT") {
      const after = this.next("IN after NOT");
      if (after.text.toUpperCase() === "IN") return { field, op: "NOT IN", values: this.list(field) };
      if (unsupported.includes(after.text.toUpperCase())) this.unsupported(`NOT ${after.text.toUpperCase()}`);
      throw new GaqlError("BAD_OPERATOR", `Invalid operator 'NOT ${after.text}'.`, after.text);
    }
    if (token.type === "word" && op === "BETWEEN") {
      if (!this.peek() || this.peek()?.type === "word")
        throw new GaqlError("EXPECTED_VALUE_WITH_BETWEEN_OPERATOR", "BETWEEN needs two values.", field);
      const low = this.value();
      if (!this.keyword("AND"))
        throw new GaqlError("EXPECTED_AND", "Expected AND between the BETWEEN values.", field);
      if (!this.peek())
        throw new GaqlError("EXPECTED_VALUE_WITH_BETWEEN_OPERATOR", "BETWEEN needs two values.", field);
      return { field, op: "BETWEEN", low, high: this.value() };
    }
    if (token.type === "word" && op === "DURING") {
      const range = this.next("a date range after DURING");
      if (range.type !== "word")
        throw new GaqlError(
          "INVALID_VALUE_WITH_DURING_OPERATOR",
          "DURING expects a date range literal.",
          range.text,
        );
      return { field, op: "DURING", range: range.text.toUpperCase() };
    }
    if (token.type === "word" && unsupported.includes(op)) this.unsupported(op);
    throw new GaqlError("BAD_OPERATOR", `Invalid operator '${token.text}'.`, token.text);
  }

  private unsupported(op: string): never {
    throw new GaqlError("QUERY_ERROR", `The Omnify sandbox does not support the ${op} operator.`, op);
  }

  private list(field: string): GaqlValue[] {
    if (!this.punct("("))
      throw new GaqlError("EXPECTED_LIST", "The IN operator needs a list in parentheses.", field);
    if (this.punct(")"))
      throw new GaqlError("PROHIBITED_EMPTY_LIST_IN_CONDITION", "A condition has an empty list.", field);
    const values = [this.value()];
    while (this.punct(",")) values.push(this.value());
    if (!this.punct(")")) throw new GaqlError("UNEXPECTED_INPUT", "Expected ')' after the list.", field);
    return values;
  }

  private value(): GaqlValue {
    const token = this.next("a value");
    if (token.type === "string") return { kind: "string", value: token.text };
    if (token.type === "number") return { kind: "number", value: token.text };
    if (token.type === "word" && !token.text.includes(".")) return { kind: "word", value: token.text };
    throw new GaqlError("BAD_VALUE", `Invalid value '${token.text}'.`, token.text);
  }

  private field(clause: string): string {
    const token = this.next(`a field in ${clause}`);
    if (token.type !== "word" || !fieldPattern.test(token.text))
      throw new GaqlError("BAD_FIELD_NAME", `Invalid field name '${token.text}' in ${clause}.`, token.text);
    return token.text;
  }

  private keyword(word: string): boolean {
    const token = this.peek();
    if (token?.type === "word" && token.text.toUpperCase() === word) {
      this.position++;
      return true;
    }
    return false;
  }

  private punct(text: string): boolean {
    const token = this.peek();
    if (token?.type === "punct" && token.text === text) {
      this.position++;
      return true;
    }
    return false;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new GaqlError("UNEXPECTED_END_OF_QUERY", `Query ended where ${expected} was expected.`);
    return token;
  }
}

export function parseGaql(query: string): GaqlQuery {
  return new Parser(tokenize(query)).parse();
}
