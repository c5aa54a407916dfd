import { describe, expect, it } from "vitest";
import { createSecretBox, generateKeyEntry, parseKeyring, SecretError } from "./index.ts";

const older = generateKeyEntry(new Date("2026-01-01T00:00:00Z"));
const newer = generateKeyEntry(new Date("2026-11-01T00:00:00Z"));

describe("secret box", () => {
  it("seals to ciphertext that names its key and opens back to the plaintext", () => {
    const box = createSecretBox(parseKeyring(older));
    const sealed = box.seal("EAAB-secret-token", "integration:1:access_token");
    expect(sealed).not.toContain("EAAB-secret-token");
    expect(sealed.startsWith(`v1.${older.split(":")[0]}.`)).toBe(true);
    expect(box.open(sealed, "integration:1:access_token")).toBe("EAAB-secret-token");
  });

  it("uses a fresh IV every time, so equal tokens do not look equal", () => {
    const box = createSecretBox(parseKeyring(older));
    expect(box.seal("same", "c")).not.toBe(box.seal("same", "c"));
  });

  it("refuses a ciphertext moved to another row or column, or tampered with", () => {
    const box = createSecretBox(parseKeyring(older));
    const sealed = box.seal("token", "integration:1:access_token");
    expect(() => box.open(sealed, "integration:2:access_token")).toThrow(SecretError);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("forged").toString("base64url");
    expect(() => box.open(parts.join("."), "integration:1:access_token")).toThrow(SecretError);
  });

  it("opens values sealed under an older key and reports them stale after rotation", () => {
    const sealed = createSecretBox(parseKeyring(older)).seal("token", "c");
    const rotated = createSecretBox(parseKeyring(`${newer},${older}`));
    expect(rotated.open(sealed, "c")).toBe("token");
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.seal("token", "c"))).toBe(false);
  });

  it("says which key is missing when an old key was dropped too early", () => {
    const sealed = createSecretBox(parseKeyring(older)).seal("token", "c");
    expect(() => createSecretBox(parseKeyring(newer)).open(sealed, "c")).toThrow(/no key with id k2026/);
  });
});

describe("parseKeyring", () => {
  it("rejects keys of the wrong size, bad ids and duplicates, without echoing key material", () => {
    expect(() => parseKeyring("k1:c2hvcnQ=")).toThrow("key k1 must be 32 bytes");
    expect(() => parseKeyring("bad id:AAAA")).toThrow(/<id>:<base64 key>/);
    expect(() => parseKeyring(`${older},${older}`)).toThrow(/appears twice/);
    expect(() => parseKeyring("")).toThrow(/at least one key/);
  });
});
