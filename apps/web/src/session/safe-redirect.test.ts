import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect.ts";

describe("safeRedirect", () => {
  it("keeps paths inside this app, with their query and hash", () => {
    expect(safeRedirect("/invitations/abc")).toBe("/invitations/abc");
    expect(safeRedirect("/shops/1/team?tab=x#invite")).toBe("/shops/1/team?tab=x#invite");
  });

  it.each([
    ["another origin", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example/path"],
    ["a backslash trick", "/\\evil.example"],
    ["a relative path", "shops/1"],
    ["javascript:", "javascript:alert(1)"],
    ["the API", "/api/auth/sign-out"],
    ["the admin app", "/admin/users"],
    ["nothing", undefined],
    ["a number", 42],
  ])("drops %s", (_, value) => {
    expect(safeRedirect(value)).toBeUndefined();
  });
});
