import { buttonClassName, EmptyState, PageHeader } from "@omnify/ui";
import { Link } from "@tanstack/react-router";

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · Omnify Control Room</title>
      <PageHeader title="Page not found" />
      <EmptyState
        title="There is nothing at this address."
        description="The link may be out of date or mistyped."
        action={
          <Link to="/" className={buttonClassName({ variant: "secondary" })}>
            Go to platform health
          </Link>
        }
      />
    </>
  );
}
