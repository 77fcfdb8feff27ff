/**
 * Public projection of the CMS content model (docs/content-model.md).
 *
 * Only attributes that the public REST API returns are listed: attributes marked *private* in the
 * content model (authorAddress, authorPhone, authorEmail, collectorAddress, classification,
 * askerPhone, askerEmail, askerAddress, trackingCode) never arrive and are deliberately absent here.
 *
 * Strapi 5 REST responses are flat (no `attributes` wrapper); relations and media are present only
 * when populated.
 */

/** ISO 8601 date `yyyy-mm-dd`. */
export type IsoDate = string;
/** ISO 8601 date-time, e.g. `2026-11-27T02:30:00.000Z`. */
export type IsoDateTime = string;
/** Strapi time `HH:mm:ss.SSS` (or `HH:mm:ss`). */
export type IsoTime = string;

export interface Entity {
  id: number;
  documentId: string;
  createdAt?: IsoDateTime;
  updatedAt?: IsoDateTime;
  publishedAt?: IsoDateTime | null;
  locale?: string | null;
}

/** A relation populated with `fields[0]=documentId` (and maybe more). */
export interface Ref {
  id?: number;
  documentId: string;
  [key: string]: unknown;
}

export interface MediaFormat {
  url: string;
  width?: number | null;
  height?: number | null;
  size?: number;
  mime?: string;
  ext?: string;
}

/** Strapi upload file (`plugin::upload.file`). `size` is in kilobytes. */
export interface Media {
  id?: number;
  documentId?: string;
  name: string;
  alternativeText?: string | null;
  caption?: string | null;
  width?: number | null;
  height?: number | null;
  formats?: Record<string, MediaFormat> | null;
  hash?: string;
  ext: string;
  mime: string;
  size: number;
  url: string;
  /** Changes when the file is replaced (Strapi keeps the URL). */
  updatedAt?: string | null;
}

export type ArticleKind = 'original' | 'collected' | 'translated';

/** `shared.provenance`, public attributes only. */
export interface Provenance {
  id?: number;
  authorName: string;
  authorUnit?: string | null;
  sourceReference?: string | null;
  collectorName?: string | null;
}

export interface Field extends Entity {
  name: string;
  slug: string;
  order?: number | null;
  description?: string | null;
}

export type UnitKind = 'party' | 'council' | 'committee' | 'front' | 'mass_org' | 'department' | 'commune' | 'other';

export interface Unit extends Entity {
  name: string;
  slug: string;
  shortName?: string | null;
  kind?: UnitKind | null;
  parent?: Ref | null;
  children?: Ref[];
  order?: number | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  description?: string | null;
}

export interface Article extends Entity {
  title: string;
  slug: string;
  summary?: string | null;
  body?: string | null;
  date?: IsoDateTime | null;
  cover?: Media | null;
  coverAlt?: string | null;
  field?: Ref | null;
  unit?: Ref | null;
  tags?: string | null;
  featured?: boolean | null;
  kind?: ArticleKind | null;
  provenance?: Provenance | null;
  reuseNote?: string | null;
}

export type DocType =
  | 'law'
  | 'decree'
  | 'decision'
  | 'resolution'
  | 'directive'
  | 'plan'
  | 'notice'
  | 'official_letter'
  | 'regulation'
  | 'report'
  | 'other';
export type AdminLevel = 'central' | 'province' | 'district' | 'commune';
export type InForceOverride = 'auto' | 'in_force' | 'not_in_force';
export type Disclosure = 'none' | 'budget' | 'planning' | 'procurement' | 'draft_comment';

export interface LegalDocument extends Entity {
  number: string;
  slug: string;
  title: string;
  docType?: DocType | null;
  level?: AdminLevel | null;
  issuingBody: string;
  field?: Ref | null;
  signer?: string | null;
  issueDate: IsoDate;
  effectiveDate?: IsoDate | null;
  expiryDate?: IsoDate | null;
  inForce?: InForceOverride | null;
  /** Optional full text or summary (Markdown); present in the CMS schema, not in content-model.md. */
  body?: string | null;
  attachments?: Media[] | null;
  replaces?: Ref[];
  replacedBy?: Ref[];
  amends?: Ref[];
  amendedBy?: Ref[];
  disclosure?: Disclosure | null;
  commentFrom?: IsoDate | null;
  commentTo?: IsoDate | null;
}

export interface Contact extends Entity {
  fullName: string;
  position: string;
  unit?: Ref | null;
  officePhone?: string | null;
  mobile?: string | null;
  email?: string | null;
  order?: number | null;
  photo?: Media | null;
  spokesperson?: boolean | null;
}

export interface Board extends Entity {
  name: string;
  slug: string;
  order?: number | null;
  description?: string | null;
}

export interface ScheduleEntry {
  id?: number;
  date: IsoDate;
  startTime?: IsoTime | null;
  endTime?: IsoTime | null;
  content: string;
  chair?: string | null;
  participants?: string | null;
  location?: string | null;
  preparingUnit?: string | null;
  note?: string | null;
  amended?: boolean | null;
  amendedAt?: IsoDateTime | null;
}

export interface Schedule extends Entity {
  board: Ref | null;
  weekStart: IsoDate;
  title?: string | null;
  entries?: ScheduleEntry[];
  note?: string | null;
}

export type ProcedureLevel = 'province' | 'district' | 'commune';
export type OnlineLevel = 'none' | 'partial' | 'full';

export interface Procedure extends Entity {
  name: string;
  slug: string;
  code?: string | null;
  field?: Ref | null;
  level?: ProcedureLevel | null;
  agency?: string | null;
  steps?: string | null;
  dossier?: string | null;
  processingTime?: string | null;
  fee?: string | null;
  legalBasis?: Ref[];
  result?: string | null;
  forms?: Media[] | null;
  onlineLevel?: OnlineLevel | null;
  onlineUrl?: string | null;
}

export interface Question extends Entity {
  title: string;
  slug: string;
  question: string;
  askerName: string;
  field?: Ref | null;
  answer?: string | null;
  answeringUnit?: Ref | null;
  askedAt?: IsoDateTime | null;
  answeredAt?: IsoDateTime | null;
}

export interface Page extends Entity {
  title: string;
  slug: string;
  summary?: string | null;
  body?: string | null;
  parent?: Ref | null;
  children?: Ref[];
  order?: number | null;
}

export type LinkGroup = 'web' | 'online_service';

export interface Link extends Entity {
  title: string;
  url: string;
  group?: LinkGroup | null;
  order?: number | null;
  description?: string | null;
}

export interface SiteSetting extends Entity {
  portalName?: string | null;
  agencyName?: string | null;
  adminLevel?: 'province' | 'district' | 'commune' | null;
  address?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  editorInCharge?: string | null;
  licence?: string | null;
  domain?: string | null;
  logo?: Media | null;
  description?: string | null;
  footerNote?: string | null;
}

/** Collection types by REST plural. */
export interface CollectionTypes {
  articles: Article;
  documents: LegalDocument;
  units: Unit;
  contacts: Contact;
  boards: Board;
  schedules: Schedule;
  procedures: Procedure;
  questions: Question;
  pages: Page;
  links: Link;
  fields: Field;
}
export type Plural = keyof CollectionTypes;

export const PLURALS: readonly Plural[] = [
  'articles',
  'documents',
  'units',
  'contacts',
  'boards',
  'schedules',
  'procedures',
  'questions',
  'pages',
  'links',
  'fields',
];

/** A snapshot file: `{ "<plural>": [...], "site-setting": {...} }` — the same JSON the REST API returns. */
export type Snapshot = { [P in Plural]?: CollectionTypes[P][] } & { 'site-setting'?: SiteSetting };
