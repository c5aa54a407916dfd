import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, fields, parseConfig } from "./index.ts";

const schema = z.object({
  DATABASE_URL: fields.databaseUrl,
  API_PORT: fields.port.default(3000),
  LOG_LEVEL: fields.logLevel,
});

describe("parseConfig", () => {
  it("applies defaults and coerces values", () => {
    const config = parseConfig(schema, { DATABASE_URL: "postgresql://u:p@db.example.com:5432/omnify" });
    expect(config).toEqual({
      DATABASE_URL: "postgresql://u:p@db.example.com:5432/omnify",
      API_PORT: 3000,
      LOG_LEVEL: "info",
    });
  });

  it("names a bad variable and the expected form in one line, without echoing the value", () => {
    const attempt = () => parseConfig(schema, { DATABASE_URL: "not-a-url" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      "Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// connection URL",
    );
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain("not-a-url");
      expect((error as Error).message.split("\n")).toHaveLength(1);
    }
  });

  it("lists every bad variable", () => {
    expect(() => parseConfig(schema, { API_PORT: "70000", LOG_LEVEL: "loud" })).toThrow(
      /DATABASE_URL is required.*; API_PORT must be a port number \(1-65535\); LOG_LEVEL must be one of/,
    );
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig(schema, { DATABASE_URL: "postgres://localhost/x", API_PORT: "" }).API_PORT).toBe(3000);
  });
});
