import { describe, expect, it } from 'vitest';
import { analyze, decodeLegacyBytes, detect, normalize, vniMojibakeToUnicode } from '../src/index.ts';
import { asCp1252, corpus, corpusLines, tcvnBytes, tcvnSource, toVni, vniBytes, vniTable } from './helpers.ts';

describe('TCVN3 (corpus made with glibc iconv TCVN5712-1)', () => {
  const pasted = asCp1252(tcvnBytes);
  const sourceLines = tcvnSource.split('\n');
  const pastedLines = pasted.split('\n');

  it('the fixture really is mojibake', () => {
    expect(pasted).toContain('Céng hßa x· héi');
    expect(pasted).not.toEqual(tcvnSource);
  });

  it('converts the pasted document', () => {
    expect(normalize(pasted)).toBe(tcvnSource);
    expect(detect(pasted)).toBe('tcvn3');
    expect(analyze(pasted).converted).toBe(true);
  });

  it('converts each line on its own', () => {
    for (const [i, line] of pastedLines.entries()) expect(normalize(line), `line ${i + 1}`).toBe(sourceLines[i]);
  });

  it('decodes the raw bytes', () => {
    expect(decodeLegacyBytes(tcvnBytes, 'tcvn3')).toBe(tcvnSource);
  });

  it('reports segments that cover the converted text', () => {
    // From the first to the last converted word; the trailing ASCII word "Nam" is not part of it.
    const a = analyze(pastedLines[0]!);
    expect(a.segments).toEqual([
      { start: 0, end: 30, from: 'tcvn3', original: 'Céng hßa x· héi chñ nghÜa ViÖt', result: 'Cộng hòa xã hội chủ nghĩa Việt' },
    ]);
  });

  it('restores capitals typed with the .VnTimeH font', () => {
    expect(normalize('CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(normalize('ñY BAN NH¢N D¢N HUYÖN')).toBe('ỦY BAN NHÂN DÂN HUYỆN');
  });

  it('forced decoding with from: tcvn3', () => {
    expect(normalize('§iÒu', { from: 'tcvn3' })).toBe('Điều');
    expect(normalize(pasted, { from: 'tcvn3' })).toBe(tcvnSource);
  });
});

describe('VNI-Windows (corpus spelt with the hand-typed table)', () => {
  const pasted = asCp1252(vniBytes);

  it('the table fixture decodes letter by letter', () => {
    for (const [letter, vni] of Object.entries(vniTable)) {
      expect(vniMojibakeToUnicode(vni), `${letter} = ${vni}`).toBe(letter);
    }
  });

  it('the byte fixture matches the table', () => {
    expect(pasted).toBe(toVni(corpus));
    expect(pasted).toContain('Coäng hoøa xaõ hoäi');
  });

  it('converts the pasted document', () => {
    expect(normalize(pasted)).toBe(corpus);
    expect(detect(pasted)).toBe('vni');
  });

  it('converts each line on its own', () => {
    const lines = pasted.split('\n');
    for (const [i, line] of lines.entries()) expect(normalize(line), `line ${i + 1}`).toBe(corpus.split('\n')[i]);
  });

  it('decodes the raw bytes', () => {
    expect(decodeLegacyBytes(vniBytes, 'vni')).toBe(corpus);
  });

  it.each([
    ['người', 'ngöôøi'],
    ['mười', 'möôøi'],
    ['trưởng', 'tröôûng'],
    ['hưởng', 'höôûng'],
    ['nước', 'nöôùc'],
    ['trước', 'tröôùc'],
    ['được', 'ñöôïc'],
    ['vượt', 'vöôït'],
    ['lượng', 'löôïng'],
    ['rượu', 'röôïu'],
    ['hươu', 'höôu'],
    ['ướt', 'öôùt'],
    ['Người', 'Ngöôøi'],
    ['NGƯỜI', 'NGÖÔØI'],
    ['ĐƯỢC', 'ÑÖÔÏC'],
    ['thuở', 'thuôû'],
    ['khuyết', 'khuyeát'],
    ['quốc', 'quoác'],
    ['lĩnh', 'lónh'],
    ['kỵ', 'kî'],
  ])('ư/ơ and other clusters: %s', (word, vni) => {
    expect(toVni(word)).toBe(vni);
    expect(vniMojibakeToUnicode(vni)).toBe(word);
    expect(normalize(`${vni} ${toVni('dân được hưởng')}`)).toBe(`${word} dân được hưởng`);
  });

  it('forced decoding with from: vni', () => {
    expect(normalize('Vieät', { from: 'vni' })).toBe('Việt');
  });
});

describe('decomposed Unicode (NFD)', () => {
  it('composes to NFC', () => {
    const nfd = corpus.normalize('NFD');
    expect(nfd).not.toBe(corpus);
    expect(normalize(nfd)).toBe(corpus);
    expect(detect(nfd)).toBe('nfd');
    for (const line of corpusLines) expect(normalize(line.normalize('NFD'))).toBe(line);
  });

  it('composes Windows-1258 style base letter + combining tone', () => {
    expect(normalize('Vi\u00EA\u0323t Nam')).toBe('Việt Nam');
  });
});

describe('mixed documents', () => {
  const unicodePara = corpusLines[3]!;
  const tcvnPara = asCp1252(tcvnBytes).split('\n')[5]!;
  const tcvnExpected = tcvnSource.split('\n')[5]!;
  const vniPara = toVni(corpusLines[7]!);

  it('converts each paragraph by its own encoding', () => {
    const doc = [unicodePara, tcvnPara, vniPara].join('\n\n');
    expect(normalize(doc)).toBe([unicodePara, tcvnExpected, corpusLines[7]].join('\n\n'));
    const a = analyze(doc);
    expect(a.encoding).toBe('mixed');
    expect(a.segments.map((s) => s.from)).toEqual(['tcvn3', 'vni']);
  });

  it('correct Unicode next to a TCVN3 paragraph is mixed', () => {
    expect(detect(`${unicodePara}\n${tcvnPara}`)).toBe('mixed');
  });

  it('converts legacy word runs inside a Unicode line', () => {
    expect(normalize('Quyết định của Ủy ban: Céng hßa x· héi chñ nghÜa ViÖt Nam.')).toBe(
      'Quyết định của Ủy ban: Cộng hòa xã hội chủ nghĩa Việt Nam.',
    );
    expect(normalize('Tiêu đề (bản cũ: Coäng hoøa xaõ hoäi) vẫn giữ nguyên')).toBe('Tiêu đề (bản cũ: Cộng hòa xã hội) vẫn giữ nguyên');
  });

  it('a lone legacy word is converted when the document has enough evidence', () => {
    const doc = `${tcvnPara}\n§iÒu 13`;
    expect(normalize(doc).split('\n')[1]).toBe('Điều 13');
  });
});

// Issue 20: three kinds of legacy text that stayed unconverted.
describe('short legacy lines', () => {
  it.each([
    // TCVN3 capitals typed with .VnTimeH: lower-case codes, Latin capitals around them.
    ['MËT', 'MẬT'],
    ['TèI MËT', 'TỐI MẬT'],
    ['TUYÖT MËT', 'TUYỆT MẬT'],
    ['ñY BAN', 'ỦY BAN'],
    ['ñY BAN NH¢N D¢N HUYÖN', 'ỦY BAN NHÂN DÂN HUYỆN'],
    // Lines made mostly of digits and punctuation.
    ['§T: 0781 3880 181', 'ĐT: 0781 3880 181'],
    ['tho¹i: 0781', 'thoại: 0781'],
    ['§iÖn tho¹i: 0781…', 'Điện thoại: 0781…'],
    ['Sè: 15/2026/Q§-UBND', 'Số: 15/2026/QĐ-UBND'],
    ['Email: ubnd@hoabinh.gov.vn - §iÖn tho¹i: 0781 3880 181', 'Email: ubnd@hoabinh.gov.vn - Điện thoại: 0781 3880 181'],
    ['H§ND: 0781.3880.181', 'HĐND: 0781.3880.181'],
    // VNI capitals on their own.
    ['MAÄT', 'MẬT'],
    ['TOÁI MAÄT', 'TỐI MẬT'],
  ])('%s → %s', (legacy, unicode) => {
    expect(normalize(legacy)).toBe(unicode);
    expect(normalize(unicode)).toBe(unicode);
  });

  it('TCVN3 capitals: lower case when the font is unknown (plain .VnTime text)', () => {
    // .VnTimeH draws ñ as Ủ, .VnTime as ủ: plain text cannot tell, so the letter stays lower case.
    expect(normalize('ñy ban nh©n d©n huyÖn')).toBe('ủy ban nhân dân huyện');
    expect(normalize('V¨n b¶n mËt')).toBe('Văn bản mật');
  });

  it.each([
    ['kyõ thuaät', 'kỹ thuật'],
    ['Kyõ sö Nguyeãn Vaên A', 'Kỹ sư Nguyễn Văn A'],
    ['KYÕ THUAÄT', 'KỸ THUẬT'],
    ['caùn boä kyõ thuaät xaõ Vónh Myõ A', 'cán bộ kỹ thuật xã Vĩnh Mỹ A'],
    ['kyõ löôõng', 'kỹ lưỡng'],
    ['Myõ Thaïnh', 'Mỹ Thạnh'],
  ])('VNI y with a tilde: %s → %s (not kì)', (legacy, unicode) => {
    expect(normalize(legacy)).toBe(unicode);
    expect(normalize('kyõ', { from: 'vni' })).toBe('kỹ');
    expect(decodeLegacyBytes(new Uint8Array([0x6b, 0x79, 0xf5]), 'vni')).toBe('kỹ');
  });
});
