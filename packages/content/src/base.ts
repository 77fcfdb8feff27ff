/** Shapes every content type shares: dates, entity metadata, relations and media as the REST API returns them. */

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
