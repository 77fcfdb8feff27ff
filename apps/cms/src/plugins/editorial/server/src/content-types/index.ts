import reviewState from './review-state/schema.json';
import reviewLog from './review-log/schema.json';
import original from './original/schema.json';
import profile from './profile/schema.json';
import secondFactor from './second-factor/schema.json';
import quarantine from './quarantine/schema.json';
import proposal from './proposal/schema.json';

export default {
  'review-state': { schema: reviewState },
  'review-log': { schema: reviewLog },
  original: { schema: original },
  profile: { schema: profile },
  'second-factor': { schema: secondFactor },
  quarantine: { schema: quarantine },
  proposal: { schema: proposal },
};
