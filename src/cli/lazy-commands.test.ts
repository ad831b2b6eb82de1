import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { modulesNamedIn, TOP_COMMANDS } from './command-list.js';
import { buildProgram, buildWholeProgram } from './program.js';

/** Every command's help, by its path (`person add`), as commander prints it. */
function helpTexts(command: Command, path: string[] = []): Map<string, string> {
  const texts = new Map([[path.join(' '), command.helpInformation()]]);
  for (const sub of command.commands) for (const [key, text] of helpTexts(sub, [...path, sub.name()])) texts.set(key, text);
  return texts;
}

describe('commands loaded when named', () => {
  it('names the commands a line runs, and none for --version or --help', () => {
    expect(modulesNamedIn(['--version'])).toEqual([]);
    expect(modulesNamedIn(['--help'])).toEqual([]);
    expect(modulesNamedIn(['--data', '/tmp/x', 'check', '--json'])).toEqual(['check']);
    expect(modulesNamedIn(['help', 'person'])).toEqual(['person']);
    expect(modulesNamedIn(['analyze', 'g.gexf'])).toEqual(['analyse']);
    expect(modulesNamedIn(['vocab'])).toEqual(['vocabulary']);
    expect(modulesNamedIn(['exchange', 'list'])).toEqual(['log']);
  });

  it('lists the same commands, in the same words, with their modules loaded or not', async () => {
    const whole = await buildWholeProgram();
    const named = await buildProgram([]);
    expect(named.helpInformation()).toBe(whole.helpInformation());
    expect(named.commands.map((c) => c.name())).toEqual(whole.commands.map((c) => c.name()));
    expect(whole.commands.map((c) => c.name())).toEqual(TOP_COMMANDS.map((c) => c.name));
  });

  it('gives each command, and each of its subcommands, the help it has with every module loaded', async () => {
    const whole = helpTexts(await buildWholeProgram());
    for (const top of TOP_COMMANDS) {
      const program = await buildProgram([top.name]);
      const texts = helpTexts(program.commands.find((c) => c.name() === top.name)!, [top.name]);
      expect(texts.size).toBeGreaterThan(0);
      for (const [path, text] of texts) expect(text, `waggle ${path} --help`).toBe(whole.get(path));
    }
  });
});

describe('what a command line loads', () => {
  const dist = join(import.meta.dirname, '..', '..', 'dist');
  const dir = mkdtempSync(join(tmpdir(), 'waggle-lazy-'));
  // Module hooks that note every file loaded, registered before the program starts.
  writeFileSync(join(dir, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(process.env.WAGGLE_LOADS, `${url}\\n`);\n  return next(url, context);\n}\n");
  const hook = join(dir, 'note-loads.mjs');
  writeFileSync(hook, "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  const loads = (...args: string[]): string[] => {
    if (!existsSync(join(dist, 'cli', 'main.js'))) throw new Error('Build first: npm run build (npm test does it)');
    const log = join(dir, `loads-${args.join('-').replace(/\W+/g, '_')}.txt`);
    writeFileSync(log, '');
    // After the command, the CommonJS modules required (a package loaded on first use through createRequire is no ESM load the hooks see).
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(dist, 'cli', 'main.js')).href)}); process.exitCode = await main(${JSON.stringify(args)}); const { createRequire } = await import('node:module'); const { appendFileSync } = await import('node:fs'); const { pathToFileURL } = await import('node:url'); appendFileSync(process.env.WAGGLE_LOADS, Object.keys(createRequire(import.meta.url).cache).map((f) => pathToFileURL(f).href + '\\n').join(''));`;
    const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_LOADS: log, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, '--input-type=module', '-e', script], { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  };
  const under = (files: string[], part: string) => files.filter((f) => f.includes(part));

  it('waggle --version loads no command, no service, no storage, and neither zod nor kysely', () => {
    const files = loads('--version');
    expect(under(files, '/dist/cli/main.js')).toHaveLength(1);
    for (const part of ['/dist/cli/commands/', '/dist/services/', '/dist/storage/', '/dist/contract/', '/node_modules/zod/', '/node_modules/kysely/']) expect(under(files, part), part).toEqual([]);
  });

  it('waggle check on a SQLite folder loads check’s module, not the others’, and never pg nor the tables’ cli-table3', () => {
    const files = loads('--data', join(dir, 'data'), 'check', '--json');
    expect(under(files, '/dist/cli/commands/check.js')).toHaveLength(1);
    expect(under(files, '/dist/cli/commands/').map((f) => f.replace(/.*\/commands\//, ''))).toEqual(['check.js']);
    expect(under(files, '/node_modules/pg/')).toEqual([]);
    expect(under(files, '/node_modules/cli-table3/')).toEqual([]);
    expect(under(files, '/node_modules/better-sqlite3/').length).toBeGreaterThan(0);
  });

  it('waggle import of a contacts file loads neither zod nor capture’s code, and imports it', () => {
    const csv = join(dir, 'Connections.csv');
    writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Silva,https://www.linkedin.com/in/ana,,Hospital Norte,Nurse,07 Dec 2025\r\n');
    const files = loads('--data', join(dir, 'import-data'), 'import', csv);
    expect(under(files, '/dist/services/imports.js')).toHaveLength(1);
    for (const part of ['/node_modules/zod/', '/dist/cli/commands/import-capture.js', '/dist/services/capture.js', '/dist/services/export/backup.js']) expect(under(files, part), part).toEqual([]);
  });

  it('waggle import of a UTF-8 file with nothing to tabulate loads neither iconv-lite, chardet nor cli-table3', () => {
    const csv = join(dir, 'Connections-utf8.csv');
    writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Silva,https://www.linkedin.com/in/ana,,Hospital Norte,Nurse,07 Dec 2025\r\n');
    const files = loads('--data', join(dir, 'import-utf8-data'), 'import', csv);
    expect(under(files, '/dist/services/imports.js')).toHaveLength(1);
    for (const part of ['/node_modules/iconv-lite/', '/node_modules/chardet/', '/node_modules/cli-table3/']) expect(under(files, part), part).toEqual([]);
  });

  it('waggle import of a Windows-1252 file with a line to show loads iconv-lite, chardet and cli-table3 when it needs them', () => {
    const csv = join(dir, 'Connections-1252.csv');
    const text = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nJos\xe9,Silva,https://www.linkedin.com/in/jose,,Hospital Norte,Nurse,07 Dec 2025\r\n,,,,,,\r\n,,,x@example.com,,,07 Dec 2025\r\n';
    writeFileSync(csv, Buffer.from(text, 'latin1'));
    const files = loads('--data', join(dir, 'import-1252-data'), 'import', csv);
    for (const part of ['/node_modules/iconv-lite/', '/node_modules/chardet/', '/node_modules/cli-table3/']) expect(under(files, part).length, part).toBeGreaterThan(0);
  });
});
