import audit from './audit';
import conversionNotes from './conversion-notes';
import mailIntake from './mail-intake';
import notify from './notify';
import reports from './reports';
import roles from './roles';
import schedule from './schedule';
import seed from './seed';
import system from './system';
import workflow from './workflow';

export default { audit, conversionNotes, mailIntake, notify, reports, roles, schedule, seed, system, workflow };
