import type { PostHog } from "posthog-js";
import type { ClientConfig } from "./trpc.ts";

export type AnalyticsConfig = NonNullable<ClientConfig["analytics"]>;

type Call = (posthog: PostHog) => void;

/**
 * Calls made before the configuration is known wait in a short queue; with no analytics
 * configured they are dropped and posthog-js is never even downloaded.
 */
type State =
  | { kind: "undecided"; queue: Call[] }
  | { kind: "loading"; queue: Call[] }
  | { kind: "on"; posthog: PostHog }
  | { kind: "off" };

const maxQueued = 50;
let state: State = { kind: "undecided", queue: [] };

function run(call: Call): void {
  switch (state.kind) {
    case "on":
      call(state.posthog);
      return;
    case "undecided":
    case "loading":
      if (state.queue.length < maxQueued) state.queue.push(call);
      return;
    case "off":
      return;
  }
}

/** Turns analytics on (PostHog) or off for the rest of the page's life; later calls are ignored. */
export function initAnalytics(config: AnalyticsConfig | null): void {
  if (state.kind !== "undecided") return;
  if (!config) {
    state = { kind: "off" };
    return;
  }
  const loading: State = { kind: "loading", queue: state.queue };
  state = loading;
  import("posthog-js").then(
    ({ posthog }) => {
      posthog.init(config.posthogKey, {
        api_host: config.posthogHost,
        // The routers send pageviews themselves, once per resolved navigation.
        capture_pageview: false,
        persistence: "localStorage",
      });
      state = { kind: "on", posthog };
      for (const call of loading.queue) call(posthog);
    },
    (error: unknown) => {
      console.warn("Analytics could not be loaded; continuing without it.", error);
      state = { kind: "off" };
    },
  );
}

/** Records a pageview of `path` (a pathname: query strings may hold tokens and stay out). */
export function trackPageView(path: string): void {
  const url = new URL(path, window.location.origin).href;
  const timestamp = new Date();
  run((posthog) => posthog.capture("$pageview", { $current_url: url, $pathname: path }, { timestamp }));
}

/** Ties this browser's events to a signed-in user. */
export function identifyUser(
  id: string,
  traits: Record<string, string | number | boolean | null> = {},
): void {
  run((posthog) => posthog.identify(id, traits));
}
