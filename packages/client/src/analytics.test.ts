// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";

const posthog = { init: vi.fn(), capture: vi.fn(), identify: vi.fn() };
vi.mock("posthog-js", () => ({ posthog, default: posthog }));

// The module keeps its state for the page's life: load a fresh copy per test.
async function loadAnalytics() {
  vi.resetModules();
  return import("./analytics.ts");
}

describe("analytics", () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it("stays completely off without configuration", async () => {
    const analytics = await loadAnalytics();
    analytics.trackPageView("/");
    analytics.initAnalytics(null);
    analytics.trackPageView("/later");
    analytics.identifyUser("user-1");
    await vi.dynamicImportSettled();
    expect(posthog.init).not.toHaveBeenCalled();
    expect(posthog.capture).not.toHaveBeenCalled();
    expect(posthog.identify).not.toHaveBeenCalled();
  });

  it("initialises PostHog without automatic pageviews and sends the pageviews queued before", async () => {
    const analytics = await loadAnalytics();
    analytics.trackPageView("/first");
    analytics.initAnalytics({ posthogKey: "phc_test", posthogHost: "https://eu.i.posthog.com" });
    await vi.waitFor(() => expect(posthog.init).toHaveBeenCalledTimes(1));
    expect(posthog.init).toHaveBeenCalledWith("phc_test", {
      api_host: "https://eu.i.posthog.com",
      capture_pageview: false,
      persistence: "localStorage",
    });
    analytics.trackPageView("/second");
    expect(posthog.capture.mock.calls.map(([event, properties]) => [event, properties.$pathname])).toEqual([
      ["$pageview", "/first"],
      ["$pageview", "/second"],
    ]);
  });
});
