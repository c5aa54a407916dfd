import { describe, expect, it } from "vitest";
import { redactPath } from "./page-views.ts";

describe("redactPath", () => {
  it("keeps invitation tokens out of analytics", () => {
    expect(redactPath("/invitations/bm90LWEtcmVhbC10b2tlbg")).toBe("/invitations/:token");
  });

  it("leaves other paths alone", () => {
    expect(redactPath("/shops/5b0f2a8e/team")).toBe("/shops/5b0f2a8e/team");
  });
});
