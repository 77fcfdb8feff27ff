#!/usr/bin/env node
/** vn-text command line: normalize / detect Vietnamese text on stdin or in a file. */
import { readFileSync } from 'node:fs';
import { decodeLegacyBytes } from './legacy.js';
import { detect, normalize } from './detect.js';
import { fromViqr } from './viqr.js';

const USAGE = `Usage:
  vn-text normalize [--from tcvn3|vni|viqr] [FILE]
      Convert Vietnamese text to Unicode NFC and write it to stdout.
      Without --from, reads UTF-8 and converts TCVN3/VNI mojibake and NFD it finds.
      --from tcvn3|vni: input is the raw bytes of a file saved in that legacy encoding.
      --from viqr: input is UTF-8 VIQR text ("Vie^.t Nam").
  vn-text detect [FILE]
      Print the detected encoding: ascii, unicode, nfd, tcvn3, vni or mixed.
  vn-text --help
Reads stdin when FILE is omitted.
`;

function fail(message: string, code: number): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(code);
}

function readInput(file: string | undefined): Uint8Array {
  try {
    return readFileSync(file ?? 0);
  } catch (e) {
    return fail(`vn-text: cannot read ${file ?? 'stdin'}: ${(e as Error).message}`, 1);
  }
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(
      'vn-text: input is not valid UTF-8. If it is a legacy Vietnamese file, ' +
        'pass its encoding: vn-text normalize --from tcvn3 (or --from vni).',
      1,
    );
  }
}

function main(argv: string[]): void {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    if (argv.length === 0) fail(USAGE, 2);
    process.stdout.write(USAGE);
    return;
  }
  const [command, ...rest] = argv;
  let from: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--from') from = rest[++i];
    else if (a.startsWith('--from=')) from = a.slice('--from='.length);
    else if (a.startsWith('-') && a !== '-') fail(`vn-text: unknown option ${a}\n\n${USAGE}`, 2);
    else files.push(a);
  }
  if (files.length > 1) fail(`vn-text: only one FILE is accepted\n\n${USAGE}`, 2);
  const file = files[0] === '-' ? undefined : files[0];
  if (command === 'normalize') {
    if (from !== undefined && from !== 'tcvn3' && from !== 'vni' && from !== 'viqr') {
      fail(`vn-text: --from must be tcvn3, vni or viqr\n\n${USAGE}`, 2);
    }
    const bytes = readInput(file);
    const out =
      from === 'tcvn3' || from === 'vni'
        ? decodeLegacyBytes(bytes, from)
        : from === 'viqr'
          ? fromViqr(utf8(bytes))
          : normalize(utf8(bytes));
    process.stdout.write(out);
    return;
  }
  if (command === 'detect') {
    if (from !== undefined) fail(`vn-text: detect takes no --from\n\n${USAGE}`, 2);
    process.stdout.write(detect(utf8(readInput(file))) + '\n');
    return;
  }
  fail(`vn-text: unknown command ${command}\n\n${USAGE}`, 2);
}

main(process.argv.slice(2));
