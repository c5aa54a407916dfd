import { navItemClassName } from "@omnify/ui";
import { Link } from "@tanstack/react-router";

/** The console's sections; the active one is marked `aria-current="page"` by the router. */
export function ConsoleNav() {
  return (
    <>
      <Link to="/" activeOptions={{ exact: true }} className={navItemClassName}>
        Platform health
      </Link>
      <Link to="/audit" className={navItemClassName}>
        Audit log
      </Link>
      <Link to="/users" className={navItemClassName}>
        Users
      </Link>
      <Link to="/shops" className={navItemClassName}>
        Shops
      </Link>
      <Link to="/outbox" className={navItemClassName}>
        Outbox
      </Link>
    </>
  );
}
