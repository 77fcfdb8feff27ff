import editorial from './editorial';
import profiles from './profiles';
import proposals from './proposals';
import reports from './reports';

export default { editorial, profiles, proposals, reports };
