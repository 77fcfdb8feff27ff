/** Shapes of the entries in the content store: public attributes, relations as documentIds. */
import type * as C from '@cong-ttdt/content';

type Id = string;
type One = Id | null;
type Many = Id[];
type Stored<T, R extends Record<string, One | Many>> = Omit<T, keyof R | 'id' | 'createdAt' | 'locale'> & R;

export type Article = Stored<C.Article, { field: One; unit: One }>;
export type Doc = Stored<C.LegalDocument, { field: One; replaces: Many; replacedBy: Many; amends: Many; amendedBy: Many }>;
export type Unit = Stored<C.Unit, { parent: One }>;
export type Contact = Stored<C.Contact, { unit: One }>;
export type Board = C.Board;
export type Schedule = Stored<C.Schedule, { board: One }>;
export type Procedure = Stored<C.Procedure, { field: One; legalBasis: Many }>;
export type Question = Stored<C.Question, { field: One; answeringUnit: One }>;
export type Page = Stored<C.Page, { parent: One }>;
export type Link = C.Link;
export type Field = C.Field;
export type Settings = C.SiteSetting;

/** A store entry: data plus the digest Astro keeps for it. */
export interface Entry<T> {
  id: string;
  data: T;
  digest: string;
}
