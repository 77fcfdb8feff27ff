/**
 * Shapes of the entries in the content store: public attributes, relations as documentIds. They are the
 * collections' generated schemas (src/generated/collections.ts, from the CMS's schema.json files).
 */
import type { z } from 'astro/zod';
import type { ENTRIES } from '../generated/collections';

type Stored<M extends keyof typeof ENTRIES> = z.output<(typeof ENTRIES)[M]>;

export type Article = Stored<'article'>;
export type Doc = Stored<'document'>;
export type Unit = Stored<'unit'>;
export type Contact = Stored<'contact'>;
export type Board = Stored<'board'>;
export type Schedule = Stored<'schedule'>;
export type Procedure = Stored<'procedure'>;
export type Question = Stored<'question'>;
export type Page = Stored<'page'>;
export type Link = Stored<'link'>;
export type Field = Stored<'field'>;
export type Settings = Stored<'site-setting'>;

/** A store entry: data plus the digest Astro keeps for it. */
export interface Entry<T> {
  id: string;
  data: T;
  digest: string;
}
