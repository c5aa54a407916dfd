import { platforms } from "@omnify/connectors";
import { auditActions, personas, shopRoles } from "@omnify/core";
import { z } from "zod";

// Input fields shared by several procedures. Each carries an example: the
// isolation and fuzz tests build valid inputs from these examples.

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** Any zone the runtime knows, aliases like UTC included (supportedValuesOf lists canonical ones only). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const idField = (what: string) => z.uuid({ error: `must be a ${what} id` });

export const fields = {
  shopName: z
    .string({ error: "is required" })
    .trim()
    .min(2, { error: "must be at least 2 characters" })
    .max(80, { error: "must be at most 80 characters" })
    .meta({ examples: ["Juniper & Pine"] }),
  currency: z
    .string({ error: "is required" })
    .refine((code) => currencies.has(code), { error: "must be an ISO 4217 currency code, like USD or EUR" })
    .meta({ examples: ["EUR"] }),
  timeZone: z
    .string({ error: "is required" })
    .refine(isTimeZone, { error: "must be an IANA time zone, like Europe/Paris" })
    .meta({ examples: ["Europe/Paris"] }),
  email: z
    .email({ error: "must be an email address" })
    .max(254, { error: "must be at most 254 characters" })
    .meta({ examples: ["teammate@example.com"] }),
  role: z.enum(shopRoles, { error: `must be one of ${shopRoles.join(", ")}` }),
  invitableRole: z.enum(["admin", "member", "viewer"], { error: "must be one of admin, member, viewer" }),
  persona: z.enum(personas, { error: `must be one of ${personas.join(", ")}` }),
  invitationToken: z
    .string({ error: "is required" })
    .regex(/^[\w-]{20,100}$/, { error: "is not a valid invitation link" })
    .meta({ examples: ["bm90LWEtcmVhbC10b2tlbi1qdXN0LWFuLWV4YW1wbGU"] }),
  auditAction: z.enum(auditActions, { error: "is not a known audit action" }),
  platform: z.enum(platforms, { error: `must be one of ${platforms.join(", ")}` }),
  shopDomain: z
    .string({ error: "is required" })
    .trim()
    .min(1, { error: "is required" })
    .max(255, { error: "must be at most 255 characters" })
    .meta({ examples: ["juniper-and-pine.myshopify.com"] }),
  pageLimit: z.number().int().min(1).max(100).default(25),
  cursor: z.uuid({ error: "must be the nextCursor of a previous page" }).optional(),
};
