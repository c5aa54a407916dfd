import { html, raw } from "hono/html";

export interface ConsentPageOptions {
  /** "Meta", "Google", … shown as the page's brand. */
  platformLabel: string;
  appName: string;
  /** Who is signed in at the platform. */
  userLabel: string;
  /** Lines describing what the app will be able to reach (accounts, the shop). */
  resources: string[];
  scopes: { value: string; label: string }[];
  /** Query parameters of the authorize request, posted back with the decision. */
  hidden: Record<string, string>;
  allowLabel?: string;
  /** Shown instead of the form when the request itself is wrong (unknown app, bad redirect). */
  error?: string;
}

/**
 * The sandbox's stand-in for a platform's consent screen: what a user sees
 * between "Connect" in Omnify and the redirect back. It posts to itself.
 */
export function consentPage(options: ConsentPageOptions): string {
  const body = options.error
    ? html`<p role="alert" class="error">${options.error}</p>`
    : html`<form method="post">
        <p><strong>${options.appName}</strong> wants to access your ${options.platformLabel} account (${options.userLabel}):</p>
        <ul>${raw(options.resources.map((line) => html`<li>${line}</li>`).join(""))}</ul>
        <fieldset>
          <legend>Permissions</legend>
          ${raw(
            options.scopes
              .map(
                (scope) =>
                  html`<label><input type="checkbox" name="scope" value="${scope.value}" checked /> ${scope.label}</label>`,
              )
              .join(""),
          )}
        </fieldset>
        ${raw(
          Object.entries(options.hidden)
            .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)
            .join(""),
        )}
        <div class="actions">
          <button type="submit" name="decision" value="deny" class="secondary">Cancel</button>
          <button type="submit" name="decision" value="allow">${options.allowLabel ?? "Allow"}</button>
        </div>
      </form>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.platformLabel} — authorize ${options.appName} (sandbox)</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1c1e21; }
          main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px #0002; }
          header { font-weight: 700; font-size: 1.25rem; margin-bottom: 1rem; }
          .sandbox { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: #8a4b00; }
          fieldset { border: 1px solid #dde; border-radius: 8px; margin: 1rem 0; }
          label { display: block; padding: .25rem 0; }
          .actions { display: flex; gap: .75rem; justify-content: flex-end; }
          button { font: inherit; padding: .5rem 1.25rem; border-radius: 8px; border: 0; background: #1b74e4; color: #fff; cursor: pointer; }
          button.secondary { background: #e4e6eb; color: #1c1e21; }
          .error { color: #b00020; }
        </style>
      </head>
      <body>
        <main>
          <div class="sandbox">Omnify sandbox — no real ${options.platformLabel} account is used</div>
          <header>${options.platformLabel}</header>
          ${body}
        </main>
      </body>
    </html>`.toString();
}

/** Adds query parameters to a redirect URI, keeping any it already has. */
export function redirectWith(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
