import { existsSync, readFileSync } from 'fs';
import type { Core } from '@strapi/strapi';

export interface DemoAccount {
  role: string; // admin role code, e.g. strapi-super-admin, contributor
  email: string;
  password: string;
  firstname: string;
  lastname: string;
}

/** Demo mode only: creates the accounts listed in PORTAL_DEMO_ACCOUNTS_FILE when they do not exist. */
export async function ensureDemoAccounts(strapi: Core.Strapi): Promise<void> {
  const file = process.env.PORTAL_DEMO_ACCOUNTS_FILE;
  if (!file || !existsSync(file)) return;
  const accounts = JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[];
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
