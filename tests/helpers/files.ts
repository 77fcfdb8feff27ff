// Small genuine files of every accepted type, and hostile ones dressed as images, for upload tests.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const require = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'package.json'));
const sharp = require('sharp');

export interface Sample {
  name: string;
  type: string;
  bytes: Buffer;
}

let calls = 0;
/** A picture of its own size, so calls in a run never give equal bytes (near colours can encode alike). */
export async function image(format: 'jpeg' | 'png' | 'webp', seed = calls++): Promise<Buffer> {
  const [r, g, b] = [(seed * 53) % 256, (seed * 97) % 256, (seed * 29) % 256];
  return sharp({ create: { width: 16 + (seed % 400), height: 12, channels: 3, background: { r, g, b } } })
    [format]()
    .toBuffer();
}

/** A one-page PDF with a correct cross-reference table. */
export function pdf(text = 'Van ban thu nghiem'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${24 + text.length} >>\nstream\nBT /F1 12 Tf 10 50 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A ZIP archive (deflated entries), the container of DOCX and XLSX. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content, 'utf8');
    const data = deflateRawSync(raw);
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const rels = (target: string, type: string) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`;
const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

/** A minimal Word document (what Word writes, reduced to the required parts). */
export function docx(text = 'Quyết định thử nghiệm'): Buffer {
  return zip({
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': rels('word/document.xml', OFFICE_DOC),
    'word/document.xml': `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
}

/** A minimal Excel workbook with one sheet. */
export function xlsx(): Buffer {
  return zip({
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': rels('xl/workbook.xml', OFFICE_DOC),
    'xl/workbook.xml': `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels(
      'worksheets/sheet1.xml',
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
    ),
    'xl/worksheets/sheet1.xml': `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Thu</t></is></c></row></sheetData></worksheet>`,
  });
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One genuine file of each type the portal accepts (JPEG, PNG, WebP, PDF, DOCX, XLSX). */
export async function genuineSamples(): Promise<Sample[]> {
  return [
    { name: 'anh-chup.jpg', type: 'image/jpeg', bytes: await image('jpeg') },
    { name: 'so-do.png', type: 'image/png', bytes: await image('png') },
    { name: 'anh-web.webp', type: 'image/webp', bytes: await image('webp') },
    { name: 'quyet-dinh.pdf', type: 'application/pdf', bytes: pdf() },
    { name: 'du-thao.docx', type: DOCX_TYPE, bytes: docx() },
    { name: 'bang-ke.xlsx', type: XLSX_TYPE, bytes: xlsx() },
  ];
}

/** Files that must never be stored, each under an image name and type. */
export async function hostileSamples(): Promise<Sample[]> {
  const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
  // A real JPEG that is also an HTML page: browsers sniffing it would run the script.
  const polyglot = Buffer.concat([await image('jpeg'), Buffer.from('<html><script>alert(1)</script></html>')]);
  return [
    { name: 'evil.jpg', type: 'image/jpeg', bytes: html },
    { name: 'logo.png', type: 'image/png', bytes: svg },
    { name: 'logo.svg', type: 'image/svg+xml', bytes: svg },
    { name: 'anh-ghep.jpg', type: 'image/jpeg', bytes: polyglot },
  ];
}
