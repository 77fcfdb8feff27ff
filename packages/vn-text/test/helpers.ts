import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
export const fixtureText = (name: string): string => fixture(name).toString('utf8');

/** What a browser paste of a legacy-font Word document gives: the bytes read as Windows-1252. */
export const asCp1252 = (bytes: Uint8Array): string => new TextDecoder('windows-1252').decode(bytes);

/** The hand-typed VNI-Windows table (fixtures/vni-table.json). */
export const vniTable: Record<string, string> = (() => {
  const t = JSON.parse(fixtureText('vni-table.json')) as Record<string, string>;
  delete t._comment;
  return t;
})();

/** Spell Unicode text in VNI-Windows mojibake with the hand table. */
export const toVni = (text: string): string => [...text.normalize('NFC')].map((c) => vniTable[c] ?? c).join('');

export const corpus = fixtureText('corpus.txt').normalize('NFC');
export const corpusLines = corpus.split('\n').filter(Boolean);
export const tcvnSource = fixtureText('tcvn3.source.txt');
export const tcvnBytes = fixture('tcvn3.bin');
export const vniBytes = fixture('vni.bin');

/** Vietnamese words of the corpus (letters only). */
export const corpusWords = [...new Set(corpus.match(/[\p{L}]+/gu) ?? [])];
