import type { Db } from "@omnify/db";
import { snapshotTables } from "@omnify/db/testing";
import { type AnyRouter, TRPCError } from "@trpc/server";
import type { Context } from "../context.ts";
import { createCallerFactory } from "../trpc.ts";
import { exampleInput, inputFields, listProcedures, type ProcedureInfo } from "./procedures.ts";

export interface IsolationCheck {
  router: AnyRouter;
  db: Db;
  /** A caller signed in as an owner of shop B: every permission, no membership of A. */
  callerContext: Context;
  ownShopId: string;
  foreignShopId: string;
  /** Rows of shop A, by the input field that names them (memberId, invitationId, …). */
  foreignIds: Record<string, string>;
}

export interface Finding {
  path: string;
  attempt: string;
  problem: string;
}

const refusals = new Set(["FORBIDDEN", "NOT_FOUND"]);

/** Calls a procedure by its dotted path through a server-side caller. */
export async function callByPath(
  router: AnyRouter,
  ctx: Context,
  path: string,
  input: unknown,
): Promise<unknown> {
  const caller = createCallerFactory(router)(ctx) as Record<string, unknown>;
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

/**
 * Walks every shop procedure of `router` and calls it as a member of shop B
 * (1) naming shop A, and (2) naming shop B but with ids of shop A's rows. Each
 * call must be refused with FORBIDDEN or NOT_FOUND and leave every table as it
 * was. Returns what was checked and every way that did not hold.
 */
export async function findIsolationLeaks(check: IsolationCheck) {
  const findings: Finding[] = [];
  const checked: string[] = [];
  const shopProcedures = listProcedures(check.router).filter((procedure) => procedure.kind === "shop");

  for (const procedure of shopProcedures) {
    checked.push(procedure.path);
    const attempts: [string, Record<string, string>][] = [
      ["naming another shop", { ...check.foreignIds, shopId: check.foreignShopId }],
    ];
    const idFields = Object.keys(inputFields(procedure)).filter(
      (key) => key !== "shopId" && key.endsWith("Id"),
    );
    const missing = idFields.filter((key) => !(key in check.foreignIds));
    if (missing.length) {
      findings.push({
        path: procedure.path,
        attempt: "setup",
        problem: `no foreign row for ${missing.join(", ")}`,
      });
    } else if (idFields.length) {
      attempts.push([
        "another shop's ids in the caller's shop",
        { ...check.foreignIds, shopId: check.ownShopId },
      ]);
    }
    for (const [attempt, ids] of attempts) {
      const problem = await attemptCall(check, procedure, exampleInput(procedure, ids));
      if (problem) findings.push({ path: procedure.path, attempt, problem });
    }
  }
  return { checked, findings };
}

async function attemptCall(
  check: IsolationCheck,
  procedure: ProcedureInfo,
  input: unknown,
): Promise<string | null> {
  const before = await snapshotTables(check.db);
  let problem: string | null = null;
  try {
    await callByPath(check.router, check.callerContext, procedure.path, input);
    problem = "succeeded";
  } catch (error) {
    if (!(error instanceof TRPCError)) problem = `threw ${String(error)}`;
    else if (!refusals.has(error.code)) problem = `answered ${error.code}: ${error.message}`;
  }
  const after = await snapshotTables(check.db);
  const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
  if (changed.length) problem = `${problem ? `${problem}; ` : ""}changed ${changed.join(", ")}`;
  return problem;
}
