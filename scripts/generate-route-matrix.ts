// Writes docs/route-matrix.md from the route matrix (tests/integration/route-table.ts); `npm run lint`'s
// unit test (tests/unit/route-matrix-doc.test.ts) fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMatrix } from '../tests/integration/route-table.ts';

const file = join(import.meta.dirname, '..', 'docs', 'route-matrix.md');
writeFileSync(file, renderMatrix());
console.log(`wrote ${file}`);
