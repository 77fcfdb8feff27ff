import type { Core } from '@strapi/strapi';
import { bumpRevision } from './revision';

// The upload plugin's routes (replace the bytes, edit alt text/caption, delete) write files without
// the Document Service, so the content rules never see them; yet the site shows a file's bytes, URL
// and alt text on every page that uses it. Any change to a file row moves the revision, so the
// publisher's reconcile rebuilds (and retries a failed build) after media changes too. A new upload
// shows nowhere until an entry links it, which moves the revision itself.
export function registerMediaRevision(strapi: Core.Strapi): void {
  const bump = () => bumpRevision(strapi).then(() => undefined);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::upload.file'],
    afterUpdate: bump,
    afterUpdateMany: bump,
    afterDelete: bump,
    afterDeleteMany: bump,
  });
}
