import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "./root.ts";
import { contextFor, createTwoShops, findIsolationLeaks, listProcedures } from "./testing/index.ts";
import { router, shopProcedure } from "./trpc.ts";

let database: TestDatabase;
let shops: Awaited<ReturnType<typeof createTwoShops>>;

beforeAll(async () => {
  database = await createTestDatabase();
  shops = await createTwoShops(database.db);
});
afterAll(async () => {
  await database?.drop();
});

const checkRouter = (target: typeof appRouter | ReturnType<typeof router>) =>
  findIsolationLeaks({
    router: target,
    db: database.db,
    callerContext: contextFor(database.db, shops.ownerB),
    ownShopId: shops.shopB.id,
    foreignShopId: shops.shopA.id,
    foreignIds: shops.foreignIds,
  });

it("every procedure declares who may call it", () => {
  const undeclared = listProcedures(appRouter).filter((procedure) => procedure.kind === undefined);
  expect(undeclared.map((procedure) => procedure.path)).toEqual([]);
});

it("no shop procedure lets a member of shop B read or change shop A", async () => {
  const { checked, findings } = await checkRouter(appRouter);
  // Reflection found the shop procedures: the list is not maintained by hand.
  expect(checked).toEqual(
    listProcedures(appRouter)
      .filter((procedure) => procedure.kind === "shop")
      .map((procedure) => procedure.path),
  );
  expect(checked.length).toBeGreaterThanOrEqual(10);
  expect(findings).toEqual([]);
});

it("the harness catches a procedure that trusts an id from its input", async () => {
  const leakyRouter = router({
    app: appRouter,
    leaky: router({
      // Deliberately unscoped: looks the member up by id alone.
      renameMemberPersona: shopProcedure
        .input(z.object({ memberId: z.uuid() }))
        .mutation(({ ctx, input }) =>
          ctx.db.shopMember.update({ where: { id: input.memberId }, data: { persona: "media_buyer" } }),
        ),
      readMember: shopProcedure
        .input(z.object({ memberId: z.uuid() }))
        .query(({ ctx, input }) => ctx.db.shopMember.findUnique({ where: { id: input.memberId } })),
    }),
  });
  const { findings } = await checkRouter(leakyRouter);
  expect(findings).toEqual([
    {
      path: "leaky.renameMemberPersona",
      attempt: "another shop's ids in the caller's shop",
      problem: "succeeded; changed shop_members",
    },
    { path: "leaky.readMember", attempt: "another shop's ids in the caller's shop", problem: "succeeded" },
  ]);
});
