import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LatestHeartbeat } from "./latest-heartbeat.tsx";
import { RealtimeBadge } from "./realtime-badge.tsx";

// The end-to-end tests of both SPAs find these by test id and read the data attributes.
describe("LatestHeartbeat", () => {
  it("says there is none, with an empty data-beat-at", () => {
    const html = renderToStaticMarkup(<LatestHeartbeat heartbeat={null} />);
    expect(html).toContain('data-testid="latest-heartbeat" data-beat-at=""');
    expect(html).toContain("No worker heartbeat yet");
  });

  it("names the worker and carries the exact time", () => {
    const beatAt = new Date(Date.now() - 5_000);
    const html = renderToStaticMarkup(
      <LatestHeartbeat heartbeat={{ workerId: "worker-7", hostname: "box-1", beatAt }} />,
    );
    expect(html).toContain(`data-beat-at="${beatAt.toISOString()}"`);
    expect(html).toMatch(/Worker <span[^>]*>worker-7<\/span> on box-1/);
  });
});

describe("RealtimeBadge", () => {
  it.each([
    ["connected", "Live"],
    ["connecting", "Connecting…"],
    ["unavailable", "Live updates unavailable"],
  ] as const)("shows %s as %j", (status, label) => {
    const html = renderToStaticMarkup(<RealtimeBadge status={status} />);
    expect(html).toContain(`data-testid="realtime-status" data-state="${status}"`);
    expect(html).toContain(label);
  });
});
