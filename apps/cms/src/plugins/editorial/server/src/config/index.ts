import { DEFAULT_WORKFLOW_PATHS } from '@cong-ttdt/workflow';

export default {
  default: {
    /** Content type → 'full' | 'short' review path; null takes a type out of the workflow. */
    paths: DEFAULT_WORKFLOW_PATHS as Record<string, 'full' | 'short' | null>,
    /** How often scheduled go-live and expiry times are checked (ms, at least 1000; see scheduler-interval.ts). */
    schedulerIntervalMs: 30_000,
    /** The e-mail intake's mailbox (services/mail-intake.ts); null: off. */
    mailIntake: null,
  },
  validator() {},
};
