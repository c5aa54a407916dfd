import { ConnectorError } from "../errors.ts";

const downloadTimeoutMs = 10 * 60_000;

/**
 * Streams a bulk export's JSONL, one parsed line at a time. `requestJson`
 * reads a whole body as one JSON value, which a JSONL file is not, and an
 * export can be far larger than memory wants as text. The URL is a signed
 * storage link: no Shopify token goes with it.
 */
export async function* jsonLines(url: string): AsyncGenerator<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(downloadTimeoutMs) });
  } catch (cause) {
    throw new ConnectorError("shopify", "transient", "Could not download Shopify's export", {
      cause: cause instanceof Error ? cause.name : "network error",
    });
  }
  if (!response.ok || !response.body) {
    // An expired link (kept 7 days) or a storage hiccup: running the export again fixes both.
    throw new ConnectorError(
      "shopify",
      "transient",
      `Could not download Shopify's export (HTTP ${response.status})`,
      {
        status: response.status,
      },
    );
  }
  let buffer = "";
  let lineNumber = 0;
  const parse = (line: string) => {
    lineNumber += 1;
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new ConnectorError(
        "shopify",
        "malformed_response",
        `Shopify's export has an unreadable line (${lineNumber})`,
      );
    }
  };
  try {
    for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
      const parts = (buffer + chunk).split("\n");
      buffer = parts.pop() ?? "";
      for (const part of parts) {
        const line = part.trim();
        if (line) yield parse(line);
      }
    }
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    throw new ConnectorError("shopify", "transient", "Shopify's export download broke off", {
      cause: error instanceof Error ? error.name : "stream error",
    });
  }
  if (buffer.trim()) yield parse(buffer.trim());
}
