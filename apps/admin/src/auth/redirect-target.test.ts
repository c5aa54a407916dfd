import { describe, expect, it } from "vitest";
import { redirectTarget } from "./redirect-target.ts";

describe("redirectTarget", () => {
  it("follows a path inside the console, with its search", () => {
    expect(redirectTarget("/audit?shopId=%22x%22")).toBe("/audit?shopId=%22x%22");
  });

  it("goes home for anything that could leave the console", () => {
    for (const redirect of [undefined, "", "https://evil.example", "//evil.example", "/\\evil.example"]) {
      expect(redirectTarget(redirect)).toBe("/");
    }
  });

  it("never sends a freshly signed-in user back to the sign-in page", () => {
    expect(redirectTarget("/sign-in?redirect=%2Fusers")).toBe("/");
  });
});
