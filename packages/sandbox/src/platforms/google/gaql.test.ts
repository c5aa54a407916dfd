import { describe, expect, it } from "vitest";
import { GaqlError, parseGaql } from "./gaql.ts";

const codeOf = (query: string) => {
  try {
    parseGaql(query);
    return null;
  } catch (error) {
    return error instanceof GaqlError ? error.code : "not a GaqlError";
  }
};

describe("the GAQL parser", () => {
  it("reads SELECT, FROM, WHERE with AND, ORDER BY and LIMIT", () => {
    expect(
      parseGaql(`SELECT campaign.id, metrics.cost_micros
        FROM ad_group_ad
        WHERE segments.date BETWEEN '2026-11-01' AND "2026-11-14"
          AND campaign.status IN ('ENABLED', PAUSED) AND metrics.clicks >= 2 AND campaign.name != 'It\\'s'
        ORDER BY segments.date ASC, metrics.clicks DESC LIMIT 50`),
    ).toEqual({
      select: ["campaign.id", "metrics.cost_micros"],
      from: "ad_group_ad",
      where: [
        {
          field: "segments.date",
          op: "BETWEEN",
          low: { kind: "string", value: "2026-11-01" },
          high: { kind: "string", value: "2026-11-14" },
        },
        {
          field: "campaign.status",
          op: "IN",
          values: [
            { kind: "string", value: "ENABLED" },
            { kind: "word", value: "PAUSED" },
          ],
        },
        { field: "metrics.clicks", op: ">=", value: { kind: "number", value: "2" } },
        { field: "campaign.name", op: "!=", value: { kind: "string", value: "It's" } },
      ],
      orderBy: [
        { field: "segments.date", descending: false },
        { field: "metrics.clicks", descending: true },
      ],
      limit: 50,
    });
  });

  it("is case-insensitive about keywords", () => {
    expect(parseGaql("select customer.id from customer where customer.id = 1 limit 1").limit).toBe(1);
  });

  it.each([
    ["customer.id FROM customer", "EXPECTED_SELECT"],
    ["SELECT customer.id customer", "EXPECTED_FROM"],
    ["SELECT customer.id", "UNEXPECTED_END_OF_QUERY"],
    ["SELECT id FROM customer", "BAD_FIELD_NAME"],
    ["SELECT customer.id FROM customer WHERE customer.id ~ 1", "BAD_SYMBOL"],
    ["SELECT customer.id FROM customer WHERE customer.id LIKE '1%'", "QUERY_ERROR"],
    ["SELECT customer.id FROM customer WHERE customer.id IN ()", "PROHIBITED_EMPTY_LIST_IN_CONDITION"],
    ["SELECT customer.id FROM customer WHERE customer.id IN 1", "EXPECTED_LIST"],
    [
      "SELECT customer.id FROM customer WHERE segments.date BETWEEN '2026-01-01' '2026-01-02'",
      "EXPECTED_AND",
    ],
    ["SELECT customer.id FROM customer WHERE customer.descriptive_name = 'open", "STRING_NOT_TERMINATED"],
    ["SELECT customer.id FROM customer ORDER customer.id", "EXPECTED_BY"],
    ["SELECT customer.id FROM customer LIMIT 0", "LIMIT_VALUE_TOO_LOW"],
    ["SELECT customer.id FROM customer LIMIT many", "BAD_LIMIT_VALUE"],
    ["SELECT customer.id FROM customer WHERE customer.id = 1 OR customer.id = 2", "UNEXPECTED_INPUT"],
  ])("refuses %s with %s", (query, code) => {
    expect(codeOf(query)).toBe(code);
  });
});
