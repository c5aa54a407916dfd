import { formatDateTime, formatNumber, RelativeTime, StatusBadge, type StatusTone } from "@omnify/ui";
import type { ReactNode } from "react";
import type { OutboxMessage } from "../../components/types.ts";
import { isWebLink } from "./safe-links.ts";

const statusBadges: Record<OutboxMessage["status"], { tone: StatusTone; label: string }> = {
  queued: { tone: "neutral", label: "Queued" },
  sent: { tone: "ok", label: "Sent" },
  failed: { tone: "error", label: "Failed" },
  // No mail server: written to the API's log instead of being sent.
  logged: { tone: "warn", label: "Logged, not sent" },
};

/** Emails as cards rather than a table: subjects, errors and links need the width on a phone. */
export function OutboxList({ messages }: { messages: OutboxMessage[] }) {
  return (
    <ol aria-label="Emails, newest first" className="space-y-3">
      {messages.map((message) => (
        <OutboxItem key={message.id} message={message} />
      ))}
    </ol>
  );
}

function OutboxItem({ message }: { message: OutboxMessage }) {
  const badge = statusBadges[message.status];
  const links = message.links.filter(isWebLink);
  return (
    <li
      data-testid="outbox-row"
      data-to={message.toAddress}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="min-w-0 text-sm font-semibold break-words text-slate-900">{message.subject}</h2>
        <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Detail label="To">
          <span className="break-all">{message.toAddress}</span>
        </Detail>
        <Detail label="Template">
          <span className="font-mono text-xs">{message.template}</span>
        </Detail>
        <Detail label="Created">
          <RelativeTime date={message.createdAt} pastOnly />
          <span className="sr-only">, {formatDateTime(message.createdAt)}</span>
        </Detail>
        <Detail label="Attempts">
          {formatNumber(message.attempts)}
          {message.sentAt ? <>, sent {formatDateTime(message.sentAt)}</> : null}
        </Detail>
      </dl>
      {message.lastError ? (
        <p className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm break-words text-red-800">
          <span className="font-medium">Last error:</span> {message.lastError}
        </p>
      ) : null}
      {links.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2">
          {links.map((href, index) => (
            <li key={href}>
              <a
                href={href}
                rel="noreferrer"
                aria-label={linkName(message, index, links.length)}
                className="inline-flex rounded-md bg-indigo-600 px-2.5 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                Open link
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {message.textBody ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">Text body</summary>
          <pre className="mt-2 overflow-x-auto rounded-md bg-slate-50 p-3 text-xs whitespace-pre-wrap break-words text-slate-700">
            {message.textBody}
          </pre>
        </details>
      ) : null}
    </li>
  );
}

/** "Open verify-email link for ada@example.com": the visible "Open link" alone repeats on every card. */
function linkName(message: OutboxMessage, index: number, count: number): string {
  const name = `Open ${message.template} link for ${message.toAddress}`;
  return count > 1 ? `${name} (${index + 1} of ${count})` : name;
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-slate-800">{children}</dd>
    </div>
  );
}
