import audit from './audit';
import conversionNotes from './conversion-notes';
import notify from './notify';
import quarantine from './quarantine';
import reports from './reports';
import roles from './roles';
import schedule from './schedule';
import seed from './seed';
import system from './system';
import workflow from './workflow';

export default { audit, conversionNotes, notify, quarantine, reports, roles, schedule, seed, system, workflow };
