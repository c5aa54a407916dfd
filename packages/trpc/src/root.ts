import { accountRouter } from "./routers/account/index.ts";
import { adminRouter } from "./routers/admin/index.ts";
import { integrationsRouter } from "./routers/integrations/index.ts";
import { invitationsRouter } from "./routers/invitations/index.ts";
import { shopsRouter } from "./routers/shops/index.ts";
import { syncRouter } from "./routers/sync/index.ts";
import { systemRouter } from "./routers/system/index.ts";
import { teamRouter } from "./routers/team/index.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  system: systemRouter,
  account: accountRouter,
  shops: shopsRouter,
  team: teamRouter,
  invitations: invitationsRouter,
  integrations: integrationsRouter,
  sync: syncRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
