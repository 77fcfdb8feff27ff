import { describe, expect, it } from 'vitest';
import { analyze, detect, normalize } from '../src/index.ts';
import { corpus, corpusLines } from './helpers.ts';

const mustNotChange = [
  'café',
  'naïve',
  'Müller',
  'São Paulo',
  'garçon',
  'Noël',
  'crème brûlée',
  'Ærøskøbing',
  'Zoë Saldaña',
  'Là où il est né, il a passé son été à Nîmes avec sa sœur Hélène.',
  'Je ne sais pas où il est, ni où elle va, ni où nous allons.',
  'Là où il est né, on dit qu’il a été élevé à Besançon. Où es-tu allé ? Ça m’a ému, ô mon Dieu.',
  'Der Fußgängerübergang in Köln ist für Mädchen und Jungen. Schöne Grüße, Ärger, Öl, Übel.',
  'Raúl Martínez, Inés Sánchez, María, Andrés, Ramón, Ángel, Íñigo, Óscar, José Núñez.',
  'Città, perché, più, così, può, là, già, è, né, caffè, però.',
  'Øresund, Ålborg, Ærø, Sønderborg, Þórshöfn, Ísafjörður',
  'El niño comió piñones en la montaña; ¿qué más?',
  'A cidade de São João não é longe de Conceição.',
  'The quick brown fox jumps over the lazy dog.',
  'Nhiệt độ 25°C, độ ẩm 80%',
  '© 2026 Cổng thông tin điện tử',
  'µm µg ® ± § 5 € 100 ¶ · ¸ ¼ ½ ¾ × ÷',
  '“Trích dẫn” – gạch ngang — dài',
  '« Bonjour » dit-il',
  '¡Hola!',
  'x² + y³ = z¹',
  'nguyen.van.a@hoabinh.gov.vn',
  'https://hoabinh.gov.vn/tin-tuc?id=12&lang=vi#top',
  '02/2013/QĐ-UBND',
  'Số: 15/2026/NQ-HĐND',
  '1.234.567,89 đồng',
  'ISO 9001:2015',
  'v1.2.3-beta',
  'Vĩnh Mỹ A, Vĩnh Hậu, Minh Diệu',
  'Hòa Bình',
  'Hoà Bình',
  'thủy lợi',
  'thuỷ lợi',
  'khỏe',
  'khoẻ',
  'Tên xã: Vĩnh Mỹ A',
  'Ông Tô Văn Bé, bà Lê Thị Mè',
  'tôi là cô giáo',
  'Đắk Lắk',
  'Kon Tum',
  'Ê-đê',
  'ngày mai tôi đi Hà Nội',
  'tôi cô tô bé mê tên xã hòa tòa chí trì gì vì phí',
  'Tôi là cô giáo ở Hà Nội. Tên tôi là Bé.',
  'Cà Mau',
  'Bình Dương',
  'Bà Rịa – Vũng Tàu',
  '日本語のテキスト',
  'Русский текст',
  'Ελληνικά',
  '🙂 emoji 🇻🇳',
  // Capitals and symbols next to letters, which the short-line rules look at.
  'NOËL',
  'IL EST NÉ',
  'LÀ OÙ IL EST NÉ',
  'ÄRGER ÜBER MÜLLER',
  'ÖL',
  'CAFÉ',
  'SÃO PAULO',
  'JOSÉ NÚÑEZ',
  'ÎLE-DE-FRANCE',
  'ZOË',
  'ÆRØ',
  'Docu\u00admentation',
  'Fuß\u00adgänger',
  '© Hoa Binh',
  '¡Hola! ¿Qué?',
  'Tel: +33 1 23 45 67 89',
  'E-mail: nguyen.van.a@example.com',
  '',
];

describe('text that is already correct is a fixed point', () => {
  it.each(mustNotChange)('%s', (text) => {
    expect(normalize(text)).toBe(text);
    expect(analyze(text).converted).toBe(false);
    expect(analyze(text).segments).toEqual([]);
  });

  it('the whole Vietnamese corpus, and each line', () => {
    expect(normalize(corpus)).toBe(corpus);
    for (const line of corpusLines) expect(normalize(line)).toBe(line);
    expect(detect(corpus)).toBe('unicode');
  });

  it('all must-not-change texts together', () => {
    const doc = mustNotChange.join('\n');
    expect(normalize(doc)).toBe(doc);
    const doc2 = mustNotChange.join(' ');
    expect(normalize(doc2)).toBe(doc2);
  });

  it('detect', () => {
    expect(detect('hello world')).toBe('ascii');
    expect(detect('')).toBe('ascii');
    expect(detect('café')).toBe('unicode');
    expect(detect('Việt Nam')).toBe('unicode');
  });
});
