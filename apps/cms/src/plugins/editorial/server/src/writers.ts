import { AsyncLocalStorage } from 'node:async_hooks';
import { errors } from '@strapi/utils';

/**
 * Every code path that writes content without an admin user runs as one of these named writers, with
 * what it may do; deny by default. `documents`: Document Service actions per type (a uid, or a prefix
 * ending in `*`); `tables`: further types it writes below the Document Service (the database check only
 * asks that a write without a request names a writer listed for its type); `transitions`: workflow
 * actions it may take with no user. A new writer is added here, with its name shown in the audit log.
 */
export const SYSTEM_WRITERS = {
  /** Demo content, its review stages and the demo accounts' profiles (PORTAL_DEMO=1, benchmarks). */
  seed: {
    label: 'Hệ thống (dữ liệu mẫu)',
    documents: { 'api::*': ['create', 'update', 'publish'] },
    tables: ['plugin::editorial.review-state', 'plugin::editorial.review-log', 'plugin::editorial.profile'],
    transitions: [],
  },
  /** Go-live and expiry of approved items (editorial scheduler, every EDITORIAL_SCHEDULER_MS). */
  scheduler: {
    label: 'Hệ thống',
    documents: {},
    tables: ['api::*', 'plugin::editorial.review-state', 'plugin::editorial.review-log'],
    transitions: ['golive', 'expire'],
  },
  /** A citizen's question from the public form (workflow.receive, inside a public request). */
  'question-intake': {
    label: 'Người dân (biểu mẫu hỏi đáp)',
    documents: { 'api::question.question': ['create'] },
    tables: ['plugin::editorial.review-state', 'plugin::editorial.original', 'plugin::editorial.review-log'],
    transitions: [],
  },
  /** Contributions by e-mail (services/mail-intake.ts, every MAIL_INTAKE_MS): an article at `submitted`, its originals, log entries. */
  'mail-intake': {
    label: 'Hệ thống (thư gửi bài)',
    documents: { 'api::article.article': ['create'] },
    tables: ['plugin::editorial.review-state', 'plugin::editorial.original', 'plugin::editorial.review-log'],
    transitions: [],
  },
  /** Account events that happen with no request (the site's API token and demo accounts made at start). */
  'account-audit': {
    label: 'Hệ thống (nhật ký tài khoản)',
    documents: {},
    tables: ['plugin::editorial.review-log'],
    transitions: [],
  },
  /** The move to sites (site-scope.ts `migrate`, every start): the primary site from the old settings, rows without a site. */
  sites: {
    label: 'Hệ thống (trang thành phần)',
    documents: {},
    tables: ['api::site.site'],
    transitions: [],
  },
  /** Askers' contact details past their retention period, or on request (apps/cms/scripts/erase-asker.mjs). */
  erasure: {
    label: 'Hệ thống (xóa thông tin liên hệ)',
    documents: {},
    tables: ['api::question.question'],
    transitions: [],
  },
} as const satisfies Record<
  string,
  { label: string; documents: Record<string, readonly string[]>; tables: readonly string[]; transitions: readonly string[] }
>;

export type WriterName = keyof typeof SYSTEM_WRITERS;

const scope = new AsyncLocalStorage<WriterName>();

/** Runs `fn` as the named system writer. */
export function runAs<T>(writer: WriterName, fn: () => T): T {
  if (!(writer in SYSTEM_WRITERS)) throw new Error(`unknown system writer "${writer}"`);
  return scope.run(writer, fn);
}

export const currentWriter = (): WriterName | undefined => scope.getStore();

const matches = (pattern: string, uid: string) => (pattern.endsWith('*') ? uid.startsWith(pattern.slice(0, -1)) : pattern === uid);

export function writerMayDocument(writer: WriterName, uid: string, action: string): boolean {
  const documents = SYSTEM_WRITERS[writer].documents as Record<string, readonly string[]>;
  return Object.entries(documents).some(([pattern, actions]) => matches(pattern, uid) && actions.includes(action));
}

export function writerMayTable(writer: WriterName, uid: string): boolean {
  const w = SYSTEM_WRITERS[writer];
  return Object.keys(w.documents).some((p) => matches(p, uid)) || (w.tables as readonly string[]).some((p) => matches(p, uid));
}

export function writerMayTransition(writer: WriterName | undefined, action: string): boolean {
  return !!writer && (SYSTEM_WRITERS[writer].transitions as readonly string[]).includes(action);
}

const refuse = (message: string): never => {
  throw new errors.ApplicationError(message);
};

/** The Document Service check for a write that has no admin user behind it. */
export function assertWriterMayDocument(uid: string, action: string): void {
  const writer = currentWriter();
  if (!writer) refuse(`Ghi dữ liệu (${action} ${uid}) không có người thực hiện: bị từ chối.`);
  if (!writerMayDocument(writer!, uid, action)) refuse(`"${writer}" không được phép ${action} ${uid}.`);
}

/** The database check for a write with no request (below the Document Service: imports, direct queries). */
export function assertWriterMayTable(uid: string, operation: string): void {
  const writer = currentWriter();
  if (!writer) refuse(`Ghi dữ liệu (${operation} ${uid}) không có người thực hiện: bị từ chối.`);
  if (!writerMayTable(writer!, uid)) refuse(`"${writer}" không được phép ghi ${uid}.`);
}
