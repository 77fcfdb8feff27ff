import editorial from './editorial';
import profiles from './profiles';
import reports from './reports';

export default { editorial, profiles, reports };
