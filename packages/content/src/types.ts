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

import type * as G from './generated/model.js';
import type { Entity } from './base.js';

export * from './base.js';
export type { ModelName, ModelUid } from './generated/model.js';
export { MODELS, PROJECTIONS } from './generated/model.js';

// The attributes come from the CMS schemas (scripts/generate-model.ts); here they meet the entity
// metadata and get the names the site and the publisher use.
export type ArticleKind = G.ArticleKind;
export type UnitKind = G.UnitKind;
export type DocType = G.DocumentDocType;
export type AdminLevel = G.DocumentLevel;
export type Disclosure = G.DocumentDisclosure;
export type BudgetStage = G.DocumentBudgetStage;
export type CalendarDayKind = G.DayComponentKind;
export type InvestmentProject = G.InvestmentProjectComponent;
export type FundingSource = G.InvestmentProjectComponentFundingSource;
export type InvestmentStage = G.InvestmentProjectComponentStage;
export type ProcurementPackage = G.ProcurementPackageComponent;
export type ProcurementKind = G.ProcurementPackageComponentKind;
export type ProcurementMethod = G.ProcurementPackageComponentMethod;
export type ProcedureLevel = G.ProcedureLevel;
export type OnlineLevel = G.ProcedureOnlineLevel;
export type LinkGroup = G.LinkGroup;

export interface Field extends Entity, G.FieldAttributes {}
export interface Unit extends Entity, G.UnitAttributes {}
export interface Article extends Entity, G.ArticleAttributes {}
export interface LegalDocument extends Entity, G.DocumentAttributes {}
export interface Contact extends Entity, G.ContactAttributes {}
export interface Board extends Entity, G.BoardAttributes {}
export interface Schedule extends Entity, G.ScheduleAttributes {}
export interface Procedure extends Entity, G.ProcedureAttributes {}
export interface Question extends Entity, G.QuestionAttributes {}
export interface Page extends Entity, G.PageAttributes {}
export interface Link extends Entity, G.LinkAttributes {}
export interface SiteSetting extends Entity, G.SiteSettingAttributes {}

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
