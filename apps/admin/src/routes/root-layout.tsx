import { AppShell, brandLinkClassName, navItemClassName } from "@omnify/ui";
import { Link, Outlet } from "@tanstack/react-router";

export function RootLayout() {
  return (
    <AppShell
      brand={
        <Link to="/" className={brandLinkClassName}>
          Omnify Control Room
        </Link>
      }
      nav={
        <Link to="/" activeOptions={{ exact: true }} className={navItemClassName}>
          Platform health
        </Link>
      }
    >
      <Outlet />
    </AppShell>
  );
}
