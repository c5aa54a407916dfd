import { AppError, type AppErrorCode, resolveShopScope, type ShopScope } from "@omnify/core";
import { initTRPC, StandardSchemaV1Error, type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Context, SignedInUser } from "./context.ts";

/**
 * Every procedure declares who may call it. The isolation and staff tests find
 * procedures by this kind, so a new procedure is covered without editing them.
 */
export interface ProcedureMeta {
  kind: "public" | "authed" | "shop" | "staff";
}

/** Field name (dot path) → messages; "" holds errors about the whole input. */
export type FieldErrors = Record<string, string[]>;

/** Input validation failures (zod, or any Standard Schema) as field errors; undefined otherwise. */
function toFieldErrors(error: TRPCError): FieldErrors | undefined {
  if (error.code !== "BAD_REQUEST") return undefined;
  const cause = error.cause;
  if (!(cause instanceof ZodError || cause instanceof StandardSchemaV1Error)) return undefined;
  const fieldErrors: FieldErrors = {};
  for (const issue of cause.issues) {
    const key = (issue.path ?? [])
      .map((segment) => String(typeof segment === "object" ? segment.key : segment))
      .join(".");
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  return fieldErrors;
}

const appErrorToTrpc: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Stack traces are added below only when the deployment is a development one.
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const isDev = ctx?.clientConfig.environment === "development";
      const fieldErrors = toFieldErrors(error);
      const message =
        error.code === "INTERNAL_SERVER_ERROR" && !isDev
          ? "Something went wrong on our side."
          : shape.message;
      return {
        ...shape,
        message,
        data: { ...shape.data, fieldErrors, ...(isDev ? { stack: error.stack } : {}) },
      };
    },
  });

/** Services throw AppError; this is the one place it becomes a tRPC error. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: appErrorToTrpc[cause.code], message: cause.message, cause });
  }
  return result;
});

const logUnexpected = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const durationMs = Math.round(performance.now() - started);
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ err: result.error.cause ?? result.error, path, type, durationMs }, "procedure failed");
  } else {
    ctx.log.debug({ path, type, durationMs, ok: result.ok }, "procedure");
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
const baseProcedure = t.procedure.use(logUnexpected).use(mapAppErrors);

/** Anyone, signed in or not. */
export const publicProcedure = baseProcedure.meta({ kind: "public" });

const requireUser = t.middleware(({ ctx, next }) => {
  if (ctx.viewer.kind !== "user")
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const user: SignedInUser = ctx.viewer.user;
  return next({ ctx: { user, actor: { ...ctx.actor, userId: user.id } } });
});

/** A signed-in user; `ctx.user` is theirs. */
export const authedProcedure = baseProcedure.meta({ kind: "authed" }).use(requireUser);

/**
 * A member of the shop named by `input.shopId`. `ctx.shop` is the proof of
 * membership (with the role) that shop services require; a non-member gets
 * NOT_FOUND, so shop ids reveal nothing.
 */
export const shopProcedure = baseProcedure
  .meta({ kind: "shop" })
  .use(requireUser)
  .input(z.object({ shopId: z.uuid({ error: "must be a shop id" }) }))
  .use(async ({ ctx, input, next }) => {
    const shop: ShopScope = await resolveShopScope(ctx.db, ctx.user.id, input.shopId);
    return next({ ctx: { shop } });
  });

/** Platform staff only: everyone else gets FORBIDDEN. */
export const staffProcedure = baseProcedure
  .meta({ kind: "staff" })
  .use(requireUser)
  .use(({ ctx, next }) => {
    if (!ctx.user.isStaff) throw new TRPCError({ code: "FORBIDDEN", message: "Staff only." });
    return next();
  });
