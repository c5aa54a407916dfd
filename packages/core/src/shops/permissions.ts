import type { ShopRole } from "@omnify/db";
import { AppError } from "../errors.ts";

/**
 * What each role may do in a shop. The API checks it on every shop procedure
 * and sends the caller's list to the browser, which hides what is not allowed.
 */
export const shopPermissions = {
  "shop.view": ["owner", "admin", "member", "viewer"],
  "shop.update": ["owner", "admin"],
  "team.view": ["owner", "admin", "member", "viewer"],
  "team.invite": ["owner", "admin"],
  "team.manage": ["owner", "admin"],
  "shop.transfer": ["owner"],
  "integrations.manage": ["owner", "admin"],
  "integrations.sync": ["owner", "admin", "member"],
  "recommendations.act": ["owner", "admin", "member"],
} as const satisfies Record<string, readonly ShopRole[]>;

export type ShopPermission = keyof typeof shopPermissions;

export const shopRoles = ["owner", "admin", "member", "viewer"] as const satisfies readonly ShopRole[];
export const personas = ["founder", "marketer", "media_buyer"] as const;

export function can(role: ShopRole, permission: ShopPermission): boolean {
  return (shopPermissions[permission] as readonly ShopRole[]).includes(role);
}

export function permissionsOf(role: ShopRole): ShopPermission[] {
  return (Object.keys(shopPermissions) as ShopPermission[]).filter((permission) => can(role, permission));
}

export function assertCan(role: ShopRole, permission: ShopPermission): void {
  if (!can(role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${role}) does not allow this in this shop.`);
  }
}
