import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateKeyEntry } from "@omnify/secrets";

/**
 * Secrets the embedded mode makes once and keeps beside its data (git-ignored,
 * mode 600), so a fresh clone runs with no configuration and a restart keeps
 * sessions and sealed tokens working.
 */

function readOrCreate(file: string, make: () => string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${make()}\n`, { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

export const localAuthSecret = (dataDir: string): string =>
  readOrCreate(path.join(dataDir, "auth-secret"), () => randomBytes(48).toString("base64url"));

export const encryptionKeysFile = (dataDir: string) => path.join(dataDir, "encryption-keys");

/** The local keyring as ENCRYPTION_KEYS expects it: one `id:key` per line in the file, newest first. */
export const localEncryptionKeys = (dataDir: string): string =>
  readOrCreate(encryptionKeysFile(dataDir), () => generateKeyEntry())
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(",");

/** Puts a new key first in the local file; the older keys stay until re-encryption no longer needs them. */
export function addLocalEncryptionKey(dataDir: string): string {
  const entries = [generateKeyEntry(), ...localEncryptionKeys(dataDir).split(",")];
  writeFileSync(encryptionKeysFile(dataDir), `${entries.join("\n")}\n`, { mode: 0o600 });
  return entries.join(",");
}
