import { reencryptSecrets } from "@omnify/core";
import { createDatabase } from "@omnify/db";
import { createSecretBox, parseKeyring } from "@omnify/secrets";
import { withDatabase } from "./db-commands.ts";
import { parseStackEnv } from "./env.ts";
import { addLocalEncryptionKey, localEncryptionKeys } from "./local-secrets.ts";
import { migrateDatabase } from "./migrate.ts";

async function reencrypt(keys: string) {
  const secrets = createSecretBox(parseKeyring(keys));
  return withDatabase(async ({ database }) => {
    await migrateDatabase(database);
    const db = createDatabase({ url: database, maxConnections: 2 });
    try {
      return { ...(await reencryptSecrets(db, secrets)), currentKeyId: secrets.currentKeyId };
    } finally {
      await db.$disconnect();
    }
  });
}

/**
 * `secrets:reencrypt`: re-seals every token under the first key of
 * ENCRYPTION_KEYS (or the local key file). Run it after putting a new key
 * first; once it reports only the new key in use, the old ones can go.
 *
 * `secrets:rotate` (embedded mode): makes a new local key and re-seals
 * everything under it. Older keys stay in the file: a process still running
 * with the old keyring may seal with the old key until it restarts.
 */
export async function runSecretsCommand(command: string): Promise<void> {
  const env = parseStackEnv();
  if (command === "secrets:reencrypt") {
    const result = await reencrypt(env.ENCRYPTION_KEYS ?? localEncryptionKeys(env.OMNIFY_DATA_DIR));
    console.log(
      `Re-encrypted ${result.reencrypted} of ${result.checked} connections under key ${result.currentKeyId}. ` +
        `Keys still in use: ${result.keysInUse.join(", ") || "none"}.`,
    );
    return;
  }
  if (command === "secrets:rotate") {
    if (env.ENCRYPTION_KEYS) {
      throw new Error(
        "ENCRYPTION_KEYS is set: rotate by putting a new key first in it (pnpm secrets:new-key prints one), restarting, then running pnpm secrets:reencrypt.",
      );
    }
    const keys = addLocalEncryptionKey(env.OMNIFY_DATA_DIR);
    const result = await reencrypt(keys);
    console.log(
      `New key ${result.currentKeyId}: re-encrypted ${result.reencrypted} of ${result.checked} connections. ` +
        "Restart npm start so running processes seal with the new key (older keys stay in the key file to open anything they sealed meanwhile).",
    );
    return;
  }
  throw new Error(`Unknown command ${command}`);
}
