import { existsSync, readFileSync } from 'fs';
import type { Core } from '@strapi/strapi';

export interface DemoAccount {
  role: string; // admin role code, e.g. strapi-super-admin, contributor
  email: string;
  password: string;
  firstname: string;
  lastname: string;
  /** Slug of the account's unit (editorial profile); resolved after the demo content is loaded. */
  unit?: string;
  /** Slugs of the fields an editor is in charge of. */
  fields?: string[];
}

function readAccounts(): DemoAccount[] {
  const file = process.env.PORTAL_DEMO_ACCOUNTS_FILE;
  if (!file || !existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[];
}

/** Demo mode only: creates the accounts listed in PORTAL_DEMO_ACCOUNTS_FILE when they do not exist. */
export async function ensureDemoAccounts(strapi: Core.Strapi): Promise<void> {
  const accounts = readAccounts();
  const userService = strapi.service('admin::user') as any;
  for (const a of accounts) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: a.role } });
    if (!role) {
      strapi.log.warn(`Demo account ${a.email}: role "${a.role}" does not exist yet; skipped.`);
      continue;
    }
    const existing = await strapi.db.query('admin::user').findOne({ where: { email: a.email.toLowerCase() } });
    if (existing) continue;
    await userService.create({
      email: a.email,
      firstname: a.firstname,
      lastname: a.lastname,
      password: a.password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    strapi.log.info(`Demo account created: ${a.email} (${a.role}).`);
  }
}

/**
 * Demo mode only: gives each demo account its editorial profile (unit, and fields for editors) from the
 * `unit` / `fields` slugs of its entry, when it has none yet (profiles edited in the admin are kept).
 */
export async function ensureDemoProfiles(strapi: Core.Strapi): Promise<void> {
  for (const a of readAccounts()) {
    if (!a.unit && !a.fields?.length) continue;
    const user = await strapi.db.query('admin::user').findOne({ where: { email: a.email.toLowerCase() } });
    if (!user || (await strapi.db.query('plugin::editorial.profile').findOne({ where: { userId: user.id } }))) continue;
    const unit = a.unit ? await strapi.db.query('api::unit.unit').findOne({ where: { slug: a.unit } }) : null;
    if (a.unit && !unit) strapi.log.warn(`Demo account ${a.email}: unit "${a.unit}" not found.`);
    const fields = a.fields?.length ? await strapi.db.query('api::field.field').findMany({ where: { slug: { $in: a.fields } } }) : [];
    await strapi.db
      .query('plugin::editorial.profile')
      .create({ data: { userId: user.id, unitId: unit?.id ?? null, fieldIds: fields.map((f: any) => f.id) } });
  }
}
