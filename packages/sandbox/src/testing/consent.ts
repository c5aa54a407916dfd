// Test support: answers a sandbox consent page the way a person would.

const unescapeHtml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Submits the consent page at `authorizationUrl`; returns where the platform redirects the browser. */
export async function answerConsent(authorizationUrl: string, decision: "allow" | "deny"): Promise<URL> {
  const page = await fetch(authorizationUrl);
  const html = await page.text();
  if (!page.ok || !html.includes("<form"))
    throw new Error(`no consent form at the authorization URL (${page.status})`);
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    form.append(unescapeHtml(match[1] ?? ""), unescapeHtml(match[2] ?? ""));
  }
  for (const match of html.matchAll(/<input type="checkbox" name="scope" value="([^"]+)"/g)) {
    form.append("scope", unescapeHtml(match[1] ?? ""));
  }
  form.set("decision", decision);
  const answer = await fetch(authorizationUrl, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`consent did not redirect (${answer.status})`);
  return new URL(location);
}
