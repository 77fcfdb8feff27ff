import type { Core } from '@strapi/strapi';
import type { Action } from '@cong-ttdt/workflow';
import type { ReviewState } from './workflow';
import { getService, query } from '../seams';

const STATE = 'plugin::editorial.review-state';

// Go-live and expiry of approved items: a timer in the CMS runs the system actions; the publisher also
// rebuilds at the next timed event (GET /api/revision → nextTimedEvent).
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async nextTimedEvent(): Promise<string | null> {
    const now = new Date().toISOString();
    const live = (await strapi.db
      .query(STATE)
      .findOne({ where: { stage: 'scheduled', goLiveAt: { $gt: now } }, orderBy: { goLiveAt: 'asc' } })) as { goLiveAt: string } | null;
    const exp = (await strapi.db
      .query(STATE)
      .findOne({ where: { stage: 'published', expiresAt: { $gt: now } }, orderBy: { expiresAt: 'asc' } })) as { expiresAt: string } | null;
    const times = [live?.goLiveAt, exp?.expiresAt]
      .filter(Boolean)
      .map((t) => new Date(t as string).toISOString())
      .sort();
    return times[0] ?? null;
  },

  async tick(): Promise<number> {
    const now = new Date().toISOString();
    const workflow = getService(strapi, 'workflow');
    const states = query<ReviewState>(strapi, STATE);
    const due: Array<{ s: ReviewState; action: Action }> = [
      ...(await states.findMany({ where: { stage: 'scheduled', goLiveAt: { $lte: now } } })).map((s) => ({ s, action: 'golive' as const })),
      ...(await states.findMany({ where: { stage: 'published', expiresAt: { $lte: now } } })).map((s) => ({
        s,
        action: 'expire' as const,
      })),
    ];
    for (const { s, action } of due) {
      try {
        await workflow.transition({ uid: s.targetUid, documentId: s.targetDocumentId, action }, null);
      } catch (e) {
        strapi.log.error(`editorial: ${action} of ${s.targetUid} ${s.targetDocumentId} failed: ${(e as Error).message}`);
      }
    }
    return due.length;
  },
});
