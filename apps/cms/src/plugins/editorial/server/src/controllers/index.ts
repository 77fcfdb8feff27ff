import editorial from './editorial';
import profiles from './profiles';
import quarantine from './quarantine';
import reports from './reports';
import signIn from './sign-in';

export default { editorial, profiles, quarantine, reports, signIn };
