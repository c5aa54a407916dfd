import { type Logger, type LoggerOptions, pino, stdSerializers } from "pino";

export type { Logger } from "pino";

export interface LoggerConfig {
  /** Which process writes the lines, e.g. "api" or "worker". */
  service: string;
  level: LoggerOptions["level"];
}

/**
 * The one log format of every server process: pino JSON lines with the service
 * name, an ISO time and secrets redacted wherever they appear by a known name.
 */
export function createLogger({ service, level }: LoggerConfig): Logger {
  return pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: stdSerializers.err, error: stdSerializers.err },
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
  });
}
