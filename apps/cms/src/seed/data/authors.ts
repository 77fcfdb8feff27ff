import type { SeedData, SeedProvenance } from '../types';

// Shared by the article files of the demo content.
export type Article = SeedData['articles'][number];

export const p = (...paragraphs: string[]) => paragraphs.join('\n\n');

export const TT_ADDR = 'Trung tâm Văn hóa, Thể thao và Truyền thông huyện Hòa Bình, khóm 1, thị trấn Hòa Bình';
export const reporter = (authorName: string): SeedProvenance => ({
  authorName,
  authorAddress: TT_ADDR,
  authorUnit: 'Trung tâm Văn hóa, Thể thao và Truyền thông huyện',
});
export const staff = (authorName: string, authorUnit: string, authorAddress: string): SeedProvenance => ({
  authorName,
  authorUnit,
  authorAddress,
});
