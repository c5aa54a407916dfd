import { getSystemStatus } from "@omnify/core";
import { staffProcedure } from "../../trpc.ts";
import { getStatusOutput } from "./get-status.types.ts";

/** Database version, migration state and the latest worker heartbeat. */
export const getStatus = staffProcedure.output(getStatusOutput).query(({ ctx }) => getSystemStatus(ctx.db));
