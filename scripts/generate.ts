// `npm run generate`: writes the content model's TypeScript from the CMS schemas (scripts/generate-model.ts).
import { writeModel } from './generate-model.ts';

writeModel();
