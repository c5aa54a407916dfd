/** A message ready for the outbox: the same words as text and as HTML, and its links. */
export interface RenderedEmail {
  template: "verify-email" | "reset-password" | "shop-invitation";
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The links the reader acts on, listed so the outbox and the local log can show them. */
  links: string[];
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Paragraphs and one call-to-action link, as plain text and as minimal, inline-styled HTML. */
function layout(paragraphs: string[], action: { label: string; url: string }, footer: string) {
  const text = [...paragraphs, `${action.label}: ${action.url}`, footer].join("\n\n");
  const html = [
    '<div style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#111">',
    ...paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#4f46e5;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`,
    `<p style="color:#666;font-size:13px">${escapeHtml(footer)}</p>`,
    "</div>",
  ].join("\n");
  return { text, html };
}

export function verifyEmailMessage({
  to,
  name,
  url,
}: {
  to: string;
  name: string;
  url: string;
}): RenderedEmail {
  const body = layout(
    [`Hi ${name},`, "Confirm this address to finish setting up your Omnify account."],
    { label: "Verify your email", url },
    "If you did not sign up for Omnify, ignore this email.",
  );
  return { template: "verify-email", to, subject: "Verify your email for Omnify", ...body, links: [url] };
}

export function resetPasswordMessage({
  to,
  name,
  url,
}: {
  to: string;
  name: string;
  url: string;
}): RenderedEmail {
  const body = layout(
    [
      `Hi ${name},`,
      "Someone asked to reset the password of your Omnify account. The link works once, for one hour.",
    ],
    { label: "Choose a new password", url },
    "If it was not you, ignore this email: your password stays as it is.",
  );
  return { template: "reset-password", to, subject: "Reset your Omnify password", ...body, links: [url] };
}

export function shopInvitationMessage(input: {
  to: string;
  inviterName: string;
  shopName: string;
  role: string;
  url: string;
  expiresAt: Date;
}): RenderedEmail {
  const body = layout(
    [
      `${input.inviterName} invited you to join ${input.shopName} on Omnify as ${input.role}.`,
      `The invitation is valid until ${input.expiresAt.toUTCString()}.`,
    ],
    { label: "Accept the invitation", url: input.url },
    "If you were not expecting this, ignore this email.",
  );
  return {
    template: "shop-invitation",
    to: input.to,
    subject: `${input.inviterName} invited you to ${input.shopName} on Omnify`,
    ...body,
    links: [input.url],
  };
}
