import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SandboxPlatform } from "./platform.ts";

export type TokenKind = "access" | "refresh" | "code";

/** What a sandbox token or authorization code stands for. Times are epoch seconds. */
export interface Grant {
  jti: string;
  platform: SandboxPlatform;
  kind: TokenKind;
  clientId: string;
  scopes: string[];
  /** Shopify: the shop domain the grant is for. */
  shop?: string;
  /** Codes: the redirect URI they were issued for. */
  redirectUri?: string;
  iat: number;
  exp: number | null;
}

const prefixes: Record<SandboxPlatform, Record<TokenKind, string>> = {
  meta: { access: "EAAsbx", refresh: "EAAsbxr", code: "AQsbx" },
  google: { access: "ya29.sbx-", refresh: "1//sbx-", code: "4/sbx-" },
  tiktok: { access: "act.sbx", refresh: "rft.sbx", code: "sbxcode" },
  shopify: { access: "shpat_sbx", refresh: "shprt_sbx", code: "sbxcode" },
};

/**
 * Issues and checks self-contained, signed tokens, so tokens survive a sandbox
 * restart (the product keeps them for months). Only single use of codes,
 * revocation and call counts live in memory.
 */
export class TokenIssuer {
  private readonly revoked = new Set<string>();
  private readonly usedCodes = new Set<string>();
  private readonly calls = new Map<string, number>();

  constructor(private readonly secret: string) {}

  issue(fields: Omit<Grant, "jti" | "iat"> & { iat?: number }, now: Date): string {
    const grant: Grant = {
      jti: randomBytes(9).toString("base64url"),
      iat: Math.floor(now.getTime() / 1000),
      ...fields,
    };
    const payload = Buffer.from(JSON.stringify(grant)).toString("base64url");
    return `${prefixes[grant.platform][grant.kind]}${payload}.${this.sign(payload)}`;
  }

  verify(
    token: string | undefined,
    platform: SandboxPlatform,
    kind: TokenKind,
    now: Date,
  ): { ok: true; grant: Grant } | { ok: false; reason: "invalid" | "expired" | "revoked" } {
    const prefix = prefixes[platform][kind];
    if (!token?.startsWith(prefix)) return { ok: false, reason: "invalid" };
    const [payload = "", signature = ""] = token.slice(prefix.length).split(".");
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: "invalid" };
    const grant = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Grant;
    if (grant.platform !== platform || grant.kind !== kind) return { ok: false, reason: "invalid" };
    if (this.revoked.has(grant.jti)) return { ok: false, reason: "revoked" };
    if (grant.exp !== null && grant.exp * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
    return { ok: true, grant };
  }

  /** Marks a code used; false if it had been used before (a replay). */
  consumeCode(grant: Grant): boolean {
    if (this.usedCodes.has(grant.jti)) return false;
    this.usedCodes.add(grant.jti);
    return true;
  }

  revoke(jti: string): void {
    this.revoked.add(jti);
  }

  /** Counts a call made with a token; returns the count including this one. */
  countCall(jti: string): number {
    const count = (this.calls.get(jti) ?? 0) + 1;
    this.calls.set(jti, count);
    return count;
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.secret).update(payload).digest("base64url");
  }
}

export const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);
