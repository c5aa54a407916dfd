import { AuthLayout } from "@omnify/ui";
import type { ReactNode } from "react";

/** A sign-in style page whose heading is also the document title. */
export function AuthPage({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <>
      <title>{`${title} · Omnify`}</title>
      <AuthLayout title={title} description={description}>
        {children}
      </AuthLayout>
    </>
  );
}
