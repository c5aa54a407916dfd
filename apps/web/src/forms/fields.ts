import { z } from "zod";

// Client-side copies of the server's input rules, so most mistakes are caught before a
// request. The server stays the authority: its field errors are mapped back onto the form.

export const emailField = z
  .string()
  .trim()
  .min(1, { error: "Enter your email address." })
  .max(254, { error: "Email must be at most 254 characters." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** Better Auth's rule for new passwords (packages/auth: passwordRules). */
export const newPasswordField = z
  .string()
  .min(10, { error: "Use at least 10 characters." })
  .max(128, { error: "Use at most 128 characters." });

/** For signing in: any length the account was created with. */
export const currentPasswordField = z.string().min(1, { error: "Enter your password." });

export const personNameField = z
  .string()
  .trim()
  .min(1, { error: "Enter your name." })
  .max(100, { error: "Name must be at most 100 characters." });

export const shopNameField = z
  .string()
  .trim()
  .min(2, { error: "Shop name must be at least 2 characters." })
  .max(80, { error: "Shop name must be at most 80 characters." });

// Selects offer only valid values; which codes and zones exist is the server's call (its list
// can differ from the browser's), so these only catch an empty choice.
export const currencyField = z.string().regex(/^[A-Z]{3}$/, { error: "Choose a currency." });
export const timeZoneField = z.string().min(1, { error: "Choose a time zone." });

export const personaField = z.enum(["founder", "marketer", "media_buyer"], { error: "Choose a persona." });
export const roleField = z.enum(["owner", "admin", "member", "viewer"], { error: "Choose a role." });
export const invitableRoleField = z.enum(["admin", "member", "viewer"], { error: "Choose a role." });

/** What the owner types for their Shopify store; the server normalises and checks the address. */
export const shopDomainField = z
  .string()
  .trim()
  .min(1, { error: "Enter your store's address, such as juniper-and-pine.myshopify.com." })
  .max(255, { error: "Store address must be at most 255 characters." });
