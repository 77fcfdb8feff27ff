import editorial from './editorial';
import profiles from './profiles';
import quarantine from './quarantine';
import reports from './reports';

export default { editorial, profiles, quarantine, reports };
