import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The process logger: structured JSON (pino) on stdout. `component` names the part of the
 * system that logs (gateway, identity, ingestor, ...); request logs add `requestId`.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const settings = {
    level,
    base: { pid: process.pid },
    // A person at a terminal gets readable lines; everything else gets JSON.
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
    timestamp: pino.stdTimeFunctions.isoTime,
    // Credentials never reach the log, whichever component logs a header or a config object.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', '*.password', '*.secret'],
      censor: '[redacted]',
    },
  };
  if (options.pretty) return pino(settings);
  // Synchronous writes to stdout. pino's default (asynchronous) destination flushes at exit with
  // sonic-boom's flushSync, which retries every error, not only EAGAIN: once the log reader is
  // gone (EPIPE), `process.exit` never returns and a stopped ingestor hangs (seen, with gdb).
  // Synchronous, a broken pipe is an 'error' event pino filters, and nothing waits at exit.
  return pino(settings, pino.destination({ dest: 1, sync: true }));
}
