import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { asCp1252, corpus, tcvnBytes, tcvnSource, vniBytes } from './helpers.ts';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const tsc = fileURLToPath(new URL('../../../node_modules/.bin/tsc', import.meta.url));

function run(args: string[], input?: Uint8Array | string) {
  const r = spawnSync(process.execPath, [cli, ...args], input === undefined ? {} : { input });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('vn-text CLI', () => {
  beforeAll(() => {
    execFileSync(tsc, ['-p', pkg], { stdio: 'inherit' });
  }, 120_000);

  it('normalize: TCVN3 mojibake on stdin (UTF-8)', () => {
    const r = run(['normalize'], asCp1252(tcvnBytes));
    expect(r).toEqual({ code: 0, stdout: tcvnSource, stderr: '' });
  });

  it('normalize --from tcvn3: raw bytes on stdin', () => {
    expect(run(['normalize', '--from', 'tcvn3'], tcvnBytes)).toEqual({ code: 0, stdout: tcvnSource, stderr: '' });
  });

  it('normalize --from vni: raw bytes from a file argument', () => {
    const file = fileURLToPath(new URL('./fixtures/vni.bin', import.meta.url));
    expect(run(['normalize', '--from=vni', file])).toEqual({ code: 0, stdout: corpus, stderr: '' });
    expect(run(['normalize', '--from', 'vni'], vniBytes).stdout).toBe(corpus);
  });

  it('normalize: NFD and correct text', () => {
    expect(run(['normalize'], corpus.normalize('NFD')).stdout).toBe(corpus);
    expect(run(['normalize'], 'café Müller 02/2013/QĐ-UBND\n').stdout).toBe('café Müller 02/2013/QĐ-UBND\n');
  });

  it('invalid UTF-8 without --from is an error', () => {
    const r = run(['normalize'], tcvnBytes);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not valid UTF-8.*--from tcvn3/s);
    expect(run(['detect'], vniBytes).code).toBe(1);
  });

  it('detect prints one word', () => {
    expect(run(['detect'], asCp1252(tcvnBytes))).toEqual({ code: 0, stdout: 'tcvn3\n', stderr: '' });
    expect(run(['detect'], asCp1252(vniBytes)).stdout).toBe('vni\n');
    expect(run(['detect'], corpus).stdout).toBe('unicode\n');
    expect(run(['detect'], corpus.normalize('NFD')).stdout).toBe('nfd\n');
    expect(run(['detect'], 'hello\n').stdout).toBe('ascii\n');
    expect(run(['detect'], `${corpus}\n${asCp1252(tcvnBytes)}`).stdout).toBe('mixed\n');
  });

  it('--help, unknown command, bad option', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('vn-text normalize');
    const unknown = run(['frobnicate'], '');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command frobnicate');
    expect(unknown.stderr).toContain('Usage:');
    expect(run([]).code).toBe(2);
    expect(run(['normalize', '--from', 'latin1'], '').code).toBe(2);
  });
});
