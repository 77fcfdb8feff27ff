import reviewState from './review-state/schema.json';
import reviewLog from './review-log/schema.json';
import original from './original/schema.json';
import profile from './profile/schema.json';
import proposal from './proposal/schema.json';

export default {
  'review-state': { schema: reviewState },
  'review-log': { schema: reviewLog },
  original: { schema: original },
  profile: { schema: profile },
  proposal: { schema: proposal },
};
