import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Secrets at rest (platform tokens): AES-256-GCM with a random 96-bit IV per
 * value, a key id in every ciphertext so keys can rotate, and a context string
 * bound in as additional data so a ciphertext cannot be moved to another row
 * or column.
 *
 * Sealed form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
 */

export interface Keyring {
  /** The key new values are sealed under. */
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class SecretError extends Error {
  override name = "SecretError";
}

const keyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Reads `id:base64key[,id:base64key…]` (newest first: the first key seals,
 * all keys open). Each key is 32 random bytes, base64 or base64url.
 */
export function parseKeyring(text: string): Keyring {
  const keys = new Map<string, Buffer>();
  const entries = text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), "base64");
    if (separator < 1 || !keyIdPattern.test(id)) {
      throw new SecretError(
        "each key must look like <id>:<base64 key>, the id made of letters, digits, - and _",
      );
    }
    if (key.length !== 32) throw new SecretError(`key ${id} must be 32 bytes (base64 of 32 random bytes)`);
    if (keys.has(id)) throw new SecretError(`key id ${id} appears twice`);
    keys.set(id, key);
  }
  const [currentKeyId] = keys.keys();
  if (!currentKeyId) throw new SecretError("at least one key is required");
  return { currentKeyId, keys };
}

export function formatKeyring(keyring: Keyring): string {
  return [...keyring.keys].map(([id, key]) => `${id}:${key.toString("base64")}`).join(",");
}

/** A fresh key entry, `<id>:<base64 key>`, the id made from the date so rotations read in order. */
export function generateKeyEntry(now = new Date()): string {
  const id = `k${now.toISOString().replace(/\D/g, "").slice(0, 14)}${randomBytes(2).toString("hex")}`;
  return `${id}:${randomBytes(32).toString("base64")}`;
}

export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /** The key a value was sealed under. */
  keyIdOf(sealed: string): string;
  /** Whether a value is sealed under an older key than the current one. */
  isStale(sealed: string): boolean;
  readonly currentKeyId: string;
}

export function createSecretBox(keyring: Keyring): SecretBox {
  const keyFor = (id: string) => {
    const key = keyring.keys.get(id);
    if (!key)
      throw new SecretError(`no key with id ${id} is configured (was it removed before re-encrypting?)`);
    return key;
  };
  const partsOf = (sealed: string) => {
    const parts = sealed.split(".");
    if (parts.length !== 5 || parts[0] !== "v1") throw new SecretError("not a sealed secret");
    return parts as [string, string, string, string, string];
  };
  return {
    currentKeyId: keyring.currentKeyId,
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keyFor(keyring.currentKeyId), iv);
      cipher.setAAD(Buffer.from(context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v1", keyring.currentKeyId, iv, ciphertext, cipher.getAuthTag()]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open(sealed, context) {
      const [, keyId, iv, ciphertext, tag] = partsOf(sealed);
      const decipher = createDecipheriv("aes-256-gcm", keyFor(keyId), Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      try {
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        throw new SecretError(
          "a sealed secret failed its integrity check (wrong key, wrong row, or tampered)",
        );
      }
    },
    keyIdOf: (sealed) => partsOf(sealed)[1],
    isStale: (sealed) => partsOf(sealed)[1] !== keyring.currentKeyId,
  };
}
