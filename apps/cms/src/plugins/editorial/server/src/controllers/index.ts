import editorial from './editorial';
import profiles from './profiles';
import reports from './reports';
import signIn from './sign-in';

export default { editorial, profiles, reports, signIn };
