import { rebuildRollups } from "@omnify/core";
import type { TaskHandler } from "../task.ts";

/** Rebuilds the rollups of the days a sync changed. */
export const aggregate: TaskHandler<"aggregate"> = async ({ shopId, since, until }, { db, log }) => {
  const { rows } = await rebuildRollups(db, { shopId, since, until });
  log.info({ shopId, since, until, rows }, "rollups rebuilt");
};
