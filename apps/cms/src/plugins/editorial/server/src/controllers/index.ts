import editorial from './editorial';
import profiles from './profiles';
import quarantine from './quarantine';
import proposals from './proposals';
import reports from './reports';
import signIn from './sign-in';
import siteStatus from './site-status';

export default { editorial, profiles, proposals, quarantine, reports, signIn, siteStatus };
