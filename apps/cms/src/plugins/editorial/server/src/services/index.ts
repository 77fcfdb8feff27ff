import audit from './audit';
import conversionNotes from './conversion-notes';
import notify from './notify';
import proposals from './proposals';
import reports from './reports';
import roles from './roles';
import schedule from './schedule';
import seed from './seed';
import sites from './sites';
import system from './system';
import workflow from './workflow';

export default { audit, conversionNotes, notify, proposals, reports, roles, schedule, seed, sites, system, workflow };
