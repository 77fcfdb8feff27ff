// Structured logs: one JSON object per line on stdout (machine-readable), or plain text for the CLI.
export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  format?: 'json' | 'text';
  level?: Level;
  write?: (line: string) => void;
  base?: Fields;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return value.message;
  return value;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const format = opts.format ?? 'json';
  const min = RANK[opts.level ?? 'info'] ?? RANK.info;
  const write = opts.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const base = opts.base ?? {};
  const emit = (level: Level, msg: string, fields?: Fields) => {
    if (RANK[level] < min) return;
    const all: Fields = { ...base, ...fields };
    if (format === 'json') {
      const rec: Fields = { time: new Date().toISOString(), level, msg };
      for (const [k, v] of Object.entries(all)) if (v !== undefined) rec[k] = serialise(v);
      write(JSON.stringify(rec));
    } else {
      const extra = Object.entries(all)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(serialise(v))}`)
        .join(' ');
      write(`${level === 'info' ? '' : level.toUpperCase() + ': '}${msg}${extra ? '  ' + extra : ''}`);
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger({ ...opts, base: { ...base, ...fields } }),
  };
}

export function isLevel(v: string | undefined): v is Level {
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error';
}
