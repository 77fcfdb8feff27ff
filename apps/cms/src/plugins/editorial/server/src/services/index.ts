import audit from './audit';
import conversionNotes from './conversion-notes';
import mailIntake from './mail-intake';
import notify from './notify';
import quarantine from './quarantine';
import proposals from './proposals';
import reports from './reports';
import roles from './roles';
import schedule from './schedule';
import secondFactor from './second-factor';
import seed from './seed';
import sites from './sites';
import siteStatus from './site-status';
import system from './system';
import workflow from './workflow';

export default {
  audit,
  conversionNotes,
  mailIntake,
  notify,
  proposals,
  quarantine,
  reports,
  roles,
  schedule,
  'second-factor': secondFactor,
  seed,
  sites,
  siteStatus,
  system,
  workflow,
};
