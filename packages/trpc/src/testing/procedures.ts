import type { AnyRouter } from "@trpc/server";
import { z } from "zod";
import type { ProcedureMeta } from "../trpc.ts";

/** One procedure of a router, as reflection sees it. */
export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  kind: ProcedureMeta["kind"] | undefined;
  /** The input parsers in the order tRPC applies them (their outputs are merged). */
  inputs: z.ZodType[];
}

/** Every procedure of `router`, found by walking its definition (nothing listed by hand). */
export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as Record<string, { _def: Record<string, unknown> }>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const def = procedure._def as { type: ProcedureInfo["type"]; meta?: ProcedureMeta; inputs: z.ZodType[] };
    return { path, type: def.type, kind: def.meta?.kind, inputs: def.inputs };
  });
}

/** The fields of all of a procedure's object inputs. */
export function inputFields(procedure: ProcedureInfo): Record<string, z.ZodType> {
  return Object.assign(
    {},
    ...procedure.inputs.map((schema) =>
      schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {},
    ),
  );
}

/** Whether tRPC would accept `input`: every parser in the chain must. */
export function isValidInput(procedure: ProcedureInfo, input: unknown): boolean {
  return procedure.inputs.every((schema) => schema.safeParse(input).success);
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  minimum?: number;
};

/**
 * A valid example for one field: its declared example (`.meta({ examples })`),
 * else the first enum value, else a plain value of its type. Undefined for an
 * optional field with nothing better to offer.
 */
function exampleFor(schema: z.ZodType): unknown {
  const examples = (schema.meta() as { examples?: unknown[] } | undefined)?.examples;
  if (examples?.length) return examples[0];
  const def = schema.def as unknown as Def;
  switch (def.type) {
    case "optional":
      return undefined;
    case "default":
    case "nullable":
    case "readonly":
      return def.innerType ? exampleFor(def.innerType) : undefined;
    case "pipe":
      return def.in ? exampleFor(def.in) : undefined;
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "boolean":
      return true;
    case "number":
      return 1;
    case "string":
      return "example";
    default:
      return undefined;
  }
}

/**
 * A valid input for `procedure`: fields named in `ids` take those values (the
 * ids under test); the rest take their examples.
 */
export function exampleInput(procedure: ProcedureInfo, ids: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(inputFields(procedure))) {
    const value = key in ids ? ids[key] : exampleFor(schema);
    if (value !== undefined) input[key] = value;
  }
  return input;
}
