import { type DestinationStream, type Logger, type LoggerOptions, pino, stdSerializers } from "pino";

export type { Logger } from "pino";

export interface LoggerConfig {
  /** Which process writes the lines, e.g. "api" or "worker". */
  service: string;
  level: LoggerOptions["level"];
  /** Where lines go; stdout by default (tests collect them to check what is logged). */
  destination?: DestinationStream;
}

/**
 * The one log format of every server process: pino JSON lines with the service
 * name, an ISO time and secrets redacted wherever they appear by a known name.
 */
export function createLogger({ service, level, destination }: LoggerConfig): Logger {
  const options: LoggerOptions = {
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: stdSerializers.err, error: stdSerializers.err, req: serializeRequest },
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "accessToken",
        "*.accessToken",
        "refreshToken",
        "*.refreshToken",
        "secret",
        "*.secret",
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
}

/**
 * Requests as the HTTP server logs them: query values are dropped (only their
 * names stay) because links carry one-time codes, OAuth states and email
 * tokens there.
 */
export function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: redactQuery(request.url ?? ""),
    host: request.host,
    remoteAddress: request.ip,
  };
}

export function redactQuery(url: string): string {
  const index = url.indexOf("?");
  if (index < 0) return url;
  const names = [...new URLSearchParams(url.slice(index + 1)).keys()];
  return `${url.slice(0, index)}?${names.map((name) => `${encodeURIComponent(name)}=…`).join("&")}`;
}
