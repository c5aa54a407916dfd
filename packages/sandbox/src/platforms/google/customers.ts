import { platformTemplates, type SandboxAccount } from "../../dataset/index.ts";
import type { SandboxContext } from "../../platform.ts";
import type { Customer } from "./fields.ts";

/** The manager (MCC) account every sandbox Google login reaches its clients through. */
export function managerCustomer(ctx: SandboxContext): Customer {
  const template = platformTemplates.google.manager ?? { id: "1000000001", name: "Manager" };
  // A manager has its own currency and zone; the sandbox gives it its first client's.
  const first = ctx.dataset.accounts("google")[0];
  return {
    id: template.id,
    name: template.name,
    currency: first?.currency ?? "USD",
    timeZone: first?.timeZone ?? "America/New_York",
    manager: true,
    status: "ENABLED",
  };
}

export const clientCustomer = (account: SandboxAccount): Customer => ({
  id: account.id,
  name: account.name,
  currency: account.currency,
  timeZone: account.timeZone,
  manager: false,
  status: account.disabled ? "CANCELED" : "ENABLED",
});
