import audit from './audit';
import notify from './notify';
import roles from './roles';
import schedule from './schedule';
import seed from './seed';
import workflow from './workflow';

export default { audit, notify, roles, schedule, seed, workflow };
