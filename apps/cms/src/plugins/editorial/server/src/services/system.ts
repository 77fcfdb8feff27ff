import { SYSTEM_WRITERS, currentWriter, runAs, type WriterName } from '../writers';

// For the app's own writers (seed, contact erasure): `strapi.plugin('editorial').service('system').run('seed', fn)`.
export default () => ({
  writers: SYSTEM_WRITERS,
  run<T>(writer: WriterName, fn: () => T): T {
    return runAs(writer, fn);
  },
  /** The system writer the current code runs as, if any. */
  current(): WriterName | undefined {
    return currentWriter();
  },
});
