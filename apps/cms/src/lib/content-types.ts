// The portal's own content types and what each exposes; one list so guards, seeds and tests agree.
import { MODELS, type ModelUid } from '@cong-ttdt/content';

/** Every api:: type, from the generated content model (packages/content), so a new type is covered at once. */
export const PORTAL_TYPES = Object.values(MODELS).map((m) => m.uid);

export type PortalUid = ModelUid;

/** Types with a `classification` attribute: anything but "thuong" is refused on save and never served. */
export const CLASSIFIED_TYPES: readonly string[] = ['api::article.article', 'api::document.document'];

export const isPortalType = (uid: string): uid is PortalUid => (PORTAL_TYPES as readonly string[]).includes(uid);
