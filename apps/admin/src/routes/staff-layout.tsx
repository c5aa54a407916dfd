import { Outlet } from "@tanstack/react-router";
import { StaffGate } from "../auth/staff-gate.tsx";
import { AccountMenu } from "../shell/account-menu.tsx";
import { ConsoleNav } from "../shell/console-nav.tsx";
import { ConsoleShell } from "../shell/console-shell.tsx";

/** The frame of every console page, behind the staff gate. */
export function StaffLayout() {
  return (
    <StaffGate>
      {(viewer) => (
        <ConsoleShell nav={<ConsoleNav />} account={<AccountMenu email={viewer.email} />}>
          <Outlet />
        </ConsoleShell>
      )}
    </StaffGate>
  );
}
