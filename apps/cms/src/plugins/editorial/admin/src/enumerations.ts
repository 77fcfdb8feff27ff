import {
  ARTICLE_KIND_LABELS,
  BUDGET_STAGE_LABELS,
  CALENDAR_DAY_KIND_LABELS,
  DISCLOSURE_LABELS,
  DOC_TYPE_LABELS,
  FUNDING_SOURCE_LABELS,
  INVESTMENT_STAGE_LABELS,
  LEVEL_LABELS,
  LINK_GROUP_LABELS,
  ONLINE_LEVEL_LABELS,
  PROCEDURE_LEVEL_LABELS,
  PROCUREMENT_KIND_LABELS,
  PROCUREMENT_METHOD_LABELS,
  RETIRED_VALUES,
  UNIT_KIND_LABELS,
} from '@cong-ttdt/content';
import { CLASSIFICATION_LABELS as WORKFLOW_CLASSIFICATION_LABELS } from '@cong-ttdt/workflow';

// Labels the public site never shows (classification, the stored in-force override, the portal's level).
// The schema's enumeration spells the workflow's codes with underscores (toi_mat for toi-mat).
const CLASSIFICATION_LABELS = Object.fromEntries(Object.entries(WORKFLOW_CLASSIFICATION_LABELS).map(([k, v]) => [k.replace('-', '_'), v]));
const IN_FORCE_OVERRIDE_LABELS = {
  auto: 'Tự động (theo ngày hiệu lực, hết hiệu lực)',
  in_force: 'Còn hiệu lực',
  not_in_force: 'Hết hiệu lực',
};
const ADMIN_LEVEL_LABELS = { province: 'Tỉnh, thành phố', district: 'Huyện', commune: 'Xã, phường, đặc khu' };
// A site of the provincial portal (Decree 224/2026 Art. 11): the province's own, a commune's or a department's.
const SITE_LEVEL_LABELS = { province: 'Cổng tỉnh, thành phố', commune: 'Trang xã, phường, đặc khu', department: 'Trang sở, ban, ngành' };

/** Values new entries cannot choose (the server refuses them too); entries that hold one keep it. */
export const RETIRED: Readonly<Record<string, string>> = RETIRED_VALUES;
const retired = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, RETIRED[k] ?? v]));

/** Vietnamese label of each enumeration value, per content type and attribute. */
export const ENUM_LABELS: Record<string, Record<string, Record<string, string>>> = {
  'api::article.article': { kind: ARTICLE_KIND_LABELS, classification: CLASSIFICATION_LABELS },
  'api::document.document': {
    docType: DOC_TYPE_LABELS,
    level: retired(LEVEL_LABELS),
    inForce: IN_FORCE_OVERRIDE_LABELS,
    disclosure: DISCLOSURE_LABELS,
    budgetStage: BUDGET_STAGE_LABELS,
    classification: CLASSIFICATION_LABELS,
    // Inside the components investmentProjects and procurementPackages (matched by the last path segment).
    fundingSource: FUNDING_SOURCE_LABELS,
    stage: INVESTMENT_STAGE_LABELS,
    kind: PROCUREMENT_KIND_LABELS,
    method: PROCUREMENT_METHOD_LABELS,
  },
  'api::link.link': { group: LINK_GROUP_LABELS },
  'api::procedure.procedure': { level: retired(PROCEDURE_LEVEL_LABELS), onlineLevel: ONLINE_LEVEL_LABELS },
  'api::site-setting.site-setting': { adminLevel: retired(ADMIN_LEVEL_LABELS), kind: CALENDAR_DAY_KIND_LABELS },
  'api::site.site': { level: SITE_LEVEL_LABELS },
  'api::unit.unit': { kind: UNIT_KIND_LABELS },
};

/** The content type whose edit or list view is open (…/collection-types/<uid>/… or /single-types/<uid>). */
export const currentModel = () => decodeURIComponent(window.location.pathname.match(/\/(?:collection|single)-types\/([^/]+)/)?.[1] ?? '');

/** Label of one value; attribute paths inside components ("provenance.kind") use their last segment. */
export function enumLabel(model: string, attribute: string, value: string): string {
  const name = attribute.split('.').pop() ?? attribute;
  return ENUM_LABELS[model]?.[name]?.[value] ?? value;
}

/** Options of a select: labelled, without retired values unless the entry holds one. */
export function enumOptions(model: string, attribute: string, values: string[], current?: string | null) {
  return values
    .filter((value) => !(value in RETIRED) || current === value)
    .map((value) => ({ value, label: enumLabel(model, attribute, value) }));
}
