import { describe, expect, it } from 'vitest';
import {
  collator,
  compareVi,
  compareViNames,
  fold,
  fromViqr,
  hasVietnameseCollation,
  isNfc,
  isVietnameseSyllable,
  normalize,
  removeTones,
  slugify,
} from '../src/index.ts';
import { corpusWords } from './helpers.ts';

describe('slugify', () => {
  it.each([
    ['Hòa Bình', 'hoa-binh'],
    ['Đồng chí', 'dong-chi'],
    ['02/2013/QĐ-UBND', '02-2013-qd-ubnd'],
    ['  Ủy ban nhân dân  huyện -- Vĩnh Mỹ A!  ', 'uy-ban-nhan-dan-huyen-vinh-my-a'],
    ['Cộng hòa xã hội chủ nghĩa Việt Nam', 'cong-hoa-xa-hoi-chu-nghia-viet-nam'],
    ['Người được hưởng', 'nguoi-duoc-huong'],
    ['Straße Ærø', 'strasse-aero'],
    ['日本語', ''],
    ['', ''],
  ])('%s → %s', (input, slug) => expect(slugify(input)).toBe(slug));

  it('handles NFD input', () => expect(slugify('Hòa Bình'.normalize('NFD'))).toBe('hoa-binh'));

  it('maxLength cuts at a word boundary', () => {
    expect(slugify('Ủy ban nhân dân huyện Hòa Bình', { maxLength: 15 })).toBe('uy-ban-nhan-dan');
    expect(slugify('Ủy ban nhân dân huyện Hòa Bình', { maxLength: 17 })).toBe('uy-ban-nhan-dan');
    expect(slugify('abcdefghij', { maxLength: 4 })).toBe('abcd');
  });
});

describe('fold and removeTones', () => {
  it('folds for search', () => {
    expect(fold('Điều 13')).toBe('dieu 13');
    expect(fold('NGƯỜI ĐƯỢC HƯỞNG')).toBe('nguoi duoc huong');
    expect(fold('Hòa Bình'.normalize('NFD'))).toBe('hoa binh');
    expect(fold('café')).toBe('cafe');
  });

  it('folds every corpus word to ASCII', () => {
    for (const w of corpusWords) expect(fold(w)).toMatch(/^[a-z]+$/);
  });

  it('removes tones only', () => {
    expect(removeTones('Hòa Bình, Việt Nam, người')).toBe('Hoa Binh, Viêt Nam, ngươi');
  });
});

describe('collation', () => {
  it('ICU has the Vietnamese tailoring', () => expect(hasVietnameseCollation()).toBe(true));

  it('orders the alphabet a ă â b c d đ e ê … o ô ơ … u ư', () => {
    const alphabet = 'a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y'.split(' ');
    expect([...alphabet].reverse().sort(compareVi)).toEqual(alphabet);
  });

  it('orders tones ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    const tones = ['ma', 'mà', 'mả', 'mã', 'má', 'mạ'];
    expect([...tones].reverse().sort(compareVi)).toEqual(tones);
  });

  it('đ sorts after every d word, and base letters before tones', () => {
    expect(['đá', 'dz', 'dưa', 'da', 'đa'].sort(compareVi)).toEqual(['da', 'dưa', 'dz', 'đa', 'đá']);
    expect(['an', 'ăn', 'ân', 'anh', 'án'].sort(compareVi)).toEqual(['an', 'án', 'anh', 'ăn', 'ân']);
    expect(compareVi('Hòa'.normalize('NFD'), 'Hòa')).toBe(0);
    expect(collator.compare('xã 2', 'xã 10')).toBeLessThan(0);
  });

  it('sorts names by given name', () => {
    const names = ['Nguyễn Thị Bình', 'Trần Văn An', 'Lê Văn Đức', 'Phạm Thị Dung', 'Võ Ánh'];
    expect([...names].sort(compareViNames)).toEqual(['Trần Văn An', 'Võ Ánh', 'Nguyễn Thị Bình', 'Phạm Thị Dung', 'Lê Văn Đức']);
  });
});

describe('VIQR (explicit only)', () => {
  it.each([
    ['Vie^.t Nam', 'Việt Nam'],
    ['Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ["ngu+o+`i da^n DDo^`ng Tha('ng", 'người dân Đồng Thắng'],
    ["Ba.n co' kho?e kho^ng?", 'Bạn có khỏe không?'],
    ['Ha\\. No^.i.', 'Ha. Nội.'],
  ])('%s', (viqr, expected) => {
    expect(fromViqr(viqr)).toBe(expected);
    expect(normalize(viqr, { from: 'viqr' })).toBe(expected);
  });

  it('is not guessed', () => expect(normalize('Vie^.t Nam')).toBe('Vie^.t Nam'));
});

describe('isNfc and isVietnameseSyllable', () => {
  it('isNfc', () => {
    expect(isNfc('Việt')).toBe(true);
    expect(isNfc('Việt'.normalize('NFD'))).toBe(false);
  });

  it('accepts every corpus word except abbreviations', () => {
    const bad = corpusWords.filter((w) => !isVietnameseSyllable(w) && !/^[A-ZĐ]{2,}$/.test(w));
    expect(bad).toEqual([]);
  });

  it.each(['café', 'Müller', 'naïve', 'hello', 'Céng', 'hßa', 'cé', 'kan', 'nge', 'hoàà', 'lịng', 'cat', 'bàc', 'xaõ', 'Coọng'])(
    'rejects %s',
    (w) => expect(isVietnameseSyllable(w)).toBe(false),
  );
});
