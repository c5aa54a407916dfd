import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type { Integration, IntegrationAccount, SyncRun } from "./generated/prisma/client.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export type {
  EmailStatus,
  IntegrationStatus,
  InvitationStatus,
  Persona,
  Platform,
  ShopRole,
  SyncStatus,
  SyncTrigger,
} from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";

/** What services accept: the client itself or an interactive transaction of it. */
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DatabaseOptions {
  url: string;
  /** Pool size per process. */
  maxConnections?: number;
  /** Fail fast when the server is unreachable instead of hanging a request. */
  connectTimeoutMs?: number;
  onPoolError?: (error: Error) => void;
}

/**
 * The only place a Prisma client is created: generated `prisma-client` over the
 * pg driver adapter with its own connection pool. Each process (API, worker, a
 * test file) creates one and disconnects it on shutdown.
 */
export function createDatabase({
  url,
  maxConnections = 10,
  connectTimeoutMs = 5_000,
  onPoolError,
}: DatabaseOptions): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: maxConnections,
      connectionTimeoutMillis: connectTimeoutMs,
      idleTimeoutMillis: 30_000,
    },
    { onPoolError },
  );
  return new PrismaClient({ adapter });
}

/** The server's version string, e.g. "PostgreSQL 18.1 on x86_64-pc-linux-gnu". */
export async function getServerVersion(db: DbOrTx): Promise<string> {
  const rows = await db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
  return rows[0]?.version ?? "unknown";
}
