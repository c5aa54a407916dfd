import { buttonClassName, NotFoundPage } from "@omnify/ui";
import { Link } from "@tanstack/react-router";
import { ConsoleShell } from "../shell/console-shell.tsx";

/** Outside the staff layout (no route matched), so it brings its own frame; it shows no staff data. */
export function NotFound() {
  const home = (
    <Link to="/" className={buttonClassName({ variant: "secondary" })}>
      Go to platform health
    </Link>
  );
  return (
    <ConsoleShell>
      <NotFoundPage appName="Omnify Control Room" action={home} />
    </ConsoleShell>
  );
}
