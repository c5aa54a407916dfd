import { router } from "../../trpc.ts";
import { getClientConfig } from "./get-client-config.ts";
import { getStatus } from "./get-status.ts";
import { listWorkers } from "./list-workers.ts";

export const systemRouter = router({
  getStatus,
  getClientConfig,
  listWorkers,
});
