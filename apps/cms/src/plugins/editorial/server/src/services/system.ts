import { SYSTEM_WRITERS, runAs, type WriterName } from '../writers';

// For the app's own writers (seed, contact erasure): `strapi.plugin('editorial').service('system').run('seed', fn)`.
export default () => ({
  writers: SYSTEM_WRITERS,
  run<T>(writer: WriterName, fn: () => T): T {
    return runAs(writer, fn);
  },
});
