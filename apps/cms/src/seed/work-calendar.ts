import type { Core } from '@strapi/strapi';
import { WORK_CALENDAR_SEED } from '@cong-ttdt/workflow/working-days';

/** Fills the site settings' working calendar when it is empty (demo seed, as the `seed` writer). */
export async function seedWorkCalendar(strapi: Core.Strapi): Promise<void> {
  const uid = 'api::site-setting.site-setting';
  const current = (await strapi.documents(uid).findFirst({ populate: { workCalendar: true } } as never)) as {
    documentId: string;
    workCalendar?: unknown[];
  } | null;
  if (!current || (current.workCalendar?.length ?? 0) > 0) return;
  await strapi.documents(uid).update({ documentId: current.documentId, data: { workCalendar: WORK_CALENDAR_SEED } } as never);
}
