import { describe, expect, it } from 'vitest';
import { classificationOf } from '../src/index.ts';

describe('classificationOf: the level a value names, in any case', () => {
  it.each([
    ['thuong', 'thuong'],
    ['Thường', 'thuong'],
    ['THƯỜNG', 'thuong'],
    ['THUONG', 'thuong'],
    ['mat', 'mat'],
    ['Mật', 'mat'],
    ['MẬT', 'mat'],
    // A TCVN3 stamp ".VnTimeH" converts to lower case when the font is unknown.
    ['mật', 'mat'],
    ['Tối mật', 'toi-mat'],
    ['TỐI MẬT', 'toi-mat'],
    ['toi_mat', 'toi-mat'],
    ['toi-mat', 'toi-mat'],
    ['Tuyệt mật', 'tuyet-mat'],
    ['TUYET_MAT', 'tuyet-mat'],
    [' tuyệt  mật ', 'tuyet-mat'],
  ])('%s → %s', (value, level) => {
    expect(classificationOf(value)).toBe(level);
  });

  it.each([[''], ['mật khẩu'], ['bí mật'], [null], [undefined], [3], [{}]])('%s names no level', (value) => {
    expect(classificationOf(value)).toBeNull();
  });
});
