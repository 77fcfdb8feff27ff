// Logs: Strapi's human-readable lines by default (the demo, a terminal); one JSON object per line
// with LOG_FORMAT=json (servers: journald, docker logs, a log shipper), each carrying the request id
// of the HTTP request it belongs to. LOG_LEVEL: error, warn, info, http (default), verbose, debug.
import { formats, winston } from '@strapi/logger';
import { currentRequestId } from '../src/lib/request-id';

const withRequestId = winston.format((info) => {
  const id = currentRequestId();
  if (id && !info.requestId) info.requestId = id;
  return info;
});

export default ({ env }: { env: (key: string, fallback?: string) => string }) => {
  const level = env('LOG_LEVEL', 'http');
  const json = env('LOG_FORMAT', 'pretty') === 'json';
  return {
    level,
    format: json
      ? winston.format.combine(withRequestId(), winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json())
      : formats.prettyPrint(),
    transports: [new winston.transports.Console()],
  };
};
