// The portal's own content types and what each exposes; one list so guards, seeds and tests agree.
export const PORTAL_TYPES = [
  'api::article.article',
  'api::document.document',
  'api::unit.unit',
  'api::contact.contact',
  'api::board.board',
  'api::schedule.schedule',
  'api::procedure.procedure',
  'api::question.question',
  'api::page.page',
  'api::link.link',
  'api::field.field',
  'api::site-setting.site-setting',
  'api::site.site',
] as const;

export type PortalUid = (typeof PORTAL_TYPES)[number];

/** Types with a `classification` attribute: anything but "thuong" is refused on save and never served. */
export const CLASSIFIED_TYPES: readonly string[] = ['api::article.article', 'api::document.document'];

export const isPortalType = (uid: string): uid is PortalUid => (PORTAL_TYPES as readonly string[]).includes(uid);
