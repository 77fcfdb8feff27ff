import { describe, expect, it } from 'vitest';
import { archiveBanner } from '../src/index.ts';

describe('archive banner of a predecessor (issue 28)', () => {
  it('names the predecessor and the day it ceased, as official texts write dates', () => {
    expect(archiveBanner({ predecessorName: 'huyện Hòa Bình', predecessorUntil: '2025-07-01' })).toBe(
      'Thông tin của huyện Hòa Bình trước ngày 01/7/2025',
    );
    expect(archiveBanner({ predecessorName: 'huyện Hòa Bình', predecessorUntil: '2025-07-01' })?.normalize('NFC')).toBe(
      archiveBanner({ predecessorName: 'huyện Hòa Bình', predecessorUntil: '2025-07-01' }),
    );
  });
  it('is null without a predecessor or a readable date', () => {
    expect(archiveBanner(null)).toBeNull();
    expect(archiveBanner({ predecessorName: ' ', predecessorUntil: '2025-07-01' })).toBeNull();
    expect(archiveBanner({ predecessorName: 'huyện Hòa Bình', predecessorUntil: '1/7/2025' })).toBeNull();
  });
});
