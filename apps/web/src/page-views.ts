import { type NavigatingRouter, trackPageView } from "@omnify/client";

/** An invitation link's token is a credential: analytics sees the page, never the token. */
export function redactPath(pathname: string): string {
  return pathname.replace(/^\/invitations\/[^/]+/, "/invitations/:token");
}

/** Like @omnify/client's `trackPageViews`, with secrets taken out of the path first. */
export function trackRedactedPageViews<Router extends NavigatingRouter>(router: Router): Router {
  router.subscribe("onResolved", ({ pathChanged }) => {
    if (pathChanged) trackPageView(redactPath(router.history.location.pathname));
  });
  return router;
}
