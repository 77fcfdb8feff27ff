import { errors } from '@strapi/utils';
import { URL_FIELDS, safeUrl, urlProblem } from '@cong-ttdt/content';

/**
 * Save-time check of the URL attributes (`URL_FIELDS` in @cong-ttdt/content, the rule the site
 * applies when it renders): a refused value is a 400 with a Vietnamese message; an accepted one is
 * stored as the rule writes it (trimmed, scheme in lower case). Empty values are left to the schema.
 */
export function checkUrls(uid: string, data: Record<string, unknown>): void {
  for (const [field, rule] of Object.entries(URL_FIELDS[uid] ?? {})) {
    const value = data[field];
    if (value == null || value === '') continue;
    const safe = safeUrl(value, rule);
    if (safe === null) throw new errors.ValidationError(urlProblem(field, rule));
    data[field] = safe;
  }
}
