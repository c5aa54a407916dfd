import { useLocation, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";

/**
 * Replaces the page with sign-in, which returns here afterwards. The page is read once, at
 * mount: once the navigation starts, the location already says /sign-in while this is still on
 * screen, and following it would nest redirects forever. (TanStack's `<Navigate>` navigates
 * again on every render, hence this component.)
 */
export function SendToSignIn() {
  const navigate = useNavigate();
  const here = useLocation({ select: (location) => location.href });
  const [redirect] = useState(here);
  useEffect(() => {
    void navigate({ to: "/sign-in", search: { redirect }, replace: true });
  }, [navigate, redirect]);
  return null;
}
