import { buttonClassName, NotFoundPage } from "@omnify/ui";
import { Link } from "@tanstack/react-router";

export function NotFound() {
  const home = (
    <Link to="/" className={buttonClassName({ variant: "secondary" })}>
      Go to platform health
    </Link>
  );
  return <NotFoundPage appName="Omnify Control Room" action={home} />;
}
