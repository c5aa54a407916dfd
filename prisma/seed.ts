// Demo data for embedded mode, written once: re-running changes nothing.
// Run by the start command after migrations, or by `pnpm db:seed`.
import { createOrPromoteStaff, ensurePasswordUser } from "@omnify/auth";
import { createDatabase } from "@omnify/db";
import { demoOwner, demoShop, demoStaff } from "./demo-accounts.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is required to seed");

const db = createDatabase({ url: databaseUrl, maxConnections: 1 });
try {
  const owner = await ensurePasswordUser(db, demoOwner);
  const shop = await db.shop.upsert({ where: { slug: demoShop.slug }, create: demoShop, update: {} });
  await db.shopMember.upsert({
    where: { shopId_userId: { shopId: shop.id, userId: owner.id } },
    create: { shopId: shop.id, userId: owner.id, role: "owner", persona: "founder" },
    update: {},
  });
  const staff = await db.user.findUnique({ where: { email: demoStaff.email }, select: { role: true } });
  if (staff?.role !== "staff") await createOrPromoteStaff(db, demoStaff);
  console.log(
    owner.created
      ? `Seeded demo shop "${demoShop.name}" (owner ${demoOwner.email}) and staff ${demoStaff.email}.`
      : `Demo shop "${demoShop.name}" already present; nothing to seed.`,
  );
} finally {
  await db.$disconnect();
}
