// Demo data for embedded mode, written once: re-running changes nothing.
// Run by the start command after migrations, or by `pnpm db:seed`.
import { createDatabase } from "@omnify/db";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is required to seed");

export const demoShop = {
  slug: "demo",
  name: "Juniper & Pine",
  currency: "USD",
  timeZone: "America/New_York",
};

const db = createDatabase({ url: databaseUrl, maxConnections: 1 });
try {
  const existing = await db.shop.findUnique({ where: { slug: demoShop.slug }, select: { id: true } });
  if (existing) {
    console.log(`Demo shop "${demoShop.name}" already present; nothing to seed.`);
  } else {
    await db.shop.create({ data: demoShop });
    console.log(`Seeded demo shop "${demoShop.name}".`);
  }
} finally {
  await db.$disconnect();
}
