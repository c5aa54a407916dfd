import { describe, expect, it } from "vitest";
import { isWebLink } from "./safe-links.ts";

describe("isWebLink", () => {
  it("accepts http and https links", () => {
    expect(isWebLink("http://localhost:3000/api/auth/verify-email?token=abc")).toBe(true);
    expect(isWebLink("https://omnify.example/invitations/abc")).toBe(true);
  });

  it("refuses scripts, other schemes and text that is not a URL", () => {
    for (const href of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "mailto:a@example.com",
      "/relative",
      "",
    ]) {
      expect(isWebLink(href)).toBe(false);
    }
  });
});
