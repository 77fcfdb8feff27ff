// docs/route-matrix.md is generated from the route matrix: it must say what the matrix says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMatrix } from '../integration/route-table.ts';

describe('docs/route-matrix.md', () => {
  it('is the table generated from tests/integration/route-table.ts (node scripts/generate-route-matrix.ts)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'route-matrix.md'), 'utf8');
    expect(committed).toBe(renderMatrix());
  });
});
