import { listWorkers as listWorkersService } from "@omnify/core";
import { staffProcedure } from "../../trpc.ts";
import { listWorkersInput, listWorkersOutput } from "./list-workers.types.ts";

/** Worker processes by their latest heartbeat, newest first. */
export const listWorkers = staffProcedure
  .input(listWorkersInput)
  .output(listWorkersOutput)
  .query(({ ctx, input }) => listWorkersService(ctx.db, input));
