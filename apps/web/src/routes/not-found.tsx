import { buttonClassName, NotFoundPage } from "@omnify/ui";
import { Link } from "@tanstack/react-router";

export function NotFound() {
  const home = (
    <Link to="/" className={buttonClassName({ variant: "secondary" })}>
      Go to your shop
    </Link>
  );
  return <NotFoundPage appName="Omnify" action={home} />;
}
