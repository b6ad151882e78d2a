// One logger factory for the main process. Lines are JSON so they can be grepped and shipped;
// anything that looks like a credential or personal data is redacted before it is written.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LogSink {
  write(line: string): void;
}

const secretKeys =
  /(secret|password|authorization|token|api[_-]?key|public[_-]?key|^pin$|pin_?hash)/i;
const personalKeys =
  /^(name|email|phone|phone_number|telephone|address|address_line_1|address_line_2)$/i;

/** Redact values whose keys name secrets or personal data, recursively. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        secretKeys.test(key) || personalKeys.test(key) ? '[redacted]' : redact(inner, depth + 1);
    }
    return out;
  }
  if (typeof value === 'string') {
    // A Basic or Bearer header that slipped into a message.
    return value.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]+/g, '$1 [redacted]');
  }
  return value;
}

let sink: LogSink = { write: (line) => process.stderr.write(line + '\n') };
let minLevel: LogLevel = (process.env.PACKDESK_LOG_LEVEL as LogLevel | undefined) ?? 'info';

/** Send every logger's output somewhere else (a file, or a test's array). */
export function setLogSink(next: LogSink, level?: LogLevel): void {
  sink = next;
  if (level) minLevel = level;
}

export function createLogger(scope: string): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (levelRank[level] < levelRank[minLevel]) return;
    const line = {
      t: new Date().toISOString(),
      level,
      scope,
      msg: redact(message),
      ...(fields ? (redact(fields) as Record<string, unknown>) : {}),
    };
    sink.write(JSON.stringify(line));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
