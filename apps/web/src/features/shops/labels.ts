import type { Persona, ShopRole } from "../../api-types.ts";

export const roleLabels: Record<ShopRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

/** One line per role, for the invite form's hint: what the role lets someone do. */
export const roleDescriptions: Record<ShopRole, string> = {
  owner: "Full control, including ownership and removing anyone.",
  admin: "Manages settings, integrations and the team, except owners.",
  member: "Works with the shop's data and acts on recommendations.",
  viewer: "Sees everything, changes nothing.",
};

export const personaLabels: Record<Persona, string> = {
  founder: "Founder",
  marketer: "Marketer",
  media_buyer: "Media buyer",
};

export const personas = Object.keys(personaLabels) as Persona[];
export const invitableRoles = ["admin", "member", "viewer"] as const satisfies readonly ShopRole[];
export const allRoles = ["owner", "admin", "member", "viewer"] as const satisfies readonly ShopRole[];
