import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { buildAppPackage } from '../../../tools/app-package/app-package.build';
import { deriveTeamsAppId } from '../../../tools/app-package/app-package.env';
import { formatProblem } from '../../../tools/app-package/package-problem';
import { main } from '../../../tools/package-app';
import {
  APP_PACKAGE_DIR,
  HANDLERS,
  type Json,
  TEST_APP_ID,
  TEST_BOT_ID,
  TEST_VALUES,
} from './fixtures';

let workDir: string;
const originalFetch = globalThis.fetch;
const fetchSpy = jest.fn(() => Promise.reject(new Error('the test forbids network access')));

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'app-package-'));
  globalThis.fetch = fetchSpy as unknown as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = originalFetch;
  expect(fetchSpy).not.toHaveBeenCalled();
  rmSync(workDir, { recursive: true, force: true });
});

function readZip(file: string) {
  const zip = new AdmZip(file);
  const names = zip.getEntries().map((entry) => entry.entryName);
  const manifest = JSON.parse(zip.readAsText('manifest.json')) as Json;
  return { zip, names, manifest };
}

/** A copy of appPackage/ to break in one way. */
function sourceCopy(): string {
  const dir = path.join(workDir, 'source');
  cpSync(APP_PACKAGE_DIR, dir, { recursive: true });
  return dir;
}

describe('buildAppPackage', () => {
  it('writes a zip with exactly manifest.json and the icons at the root, ids filled', async () => {
    const outFile = path.join(workDir, 'nested', 'appPackage.zip');
    const result = await buildAppPackage({
      sourceDir: APP_PACKAGE_DIR,
      outFile,
      values: TEST_VALUES,
      handlers: HANDLERS,
    });
    expect(result).toMatchObject({ ok: true, outFile });

    const { zip, names, manifest } = readZip(outFile);
    expect([...names].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(manifest).toMatchObject({
      id: TEST_APP_ID,
      version: '1.2.3',
      developer: { privacyUrl: 'https://contoso.example/privacy' },
      bots: [{ botId: TEST_BOT_ID }],
      composeExtensions: [{ botId: TEST_BOT_ID }],
    });
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(
      zip.readFile('color.png')?.equals(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png'))),
    ).toBe(true);
    expect(
      zip.readFile('outline.png')?.equals(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'))),
    ).toBe(true);
  });

  it('writes nothing, and removes an earlier zip, when a value is missing', async () => {
    const outFile = path.join(workDir, 'appPackage.zip');
    writeFileSync(outFile, 'stale');
    const { BOT_ID: _unused, ...values } = TEST_VALUES;
    const result = await buildAppPackage({
      sourceDir: APP_PACKAGE_DIR,
      outFile,
      values,
      handlers: HANDLERS,
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'manifest.bots[0].botId: placeholder ${{BOT_ID}} was not filled (set BOT_ID)',
      'manifest.composeExtensions[0].botId: placeholder ${{BOT_ID}} was not filled (set BOT_ID)',
    ]);
    expect(existsSync(outFile)).toBe(false);
  });

  it('reports icon problems by file name', async () => {
    const source = sourceCopy();
    cpSync(path.join(source, 'outline.png'), path.join(source, 'color.png'));
    const outFile = path.join(workDir, 'appPackage.zip');
    const result = await buildAppPackage({
      sourceDir: source,
      outFile,
      values: TEST_VALUES,
      handlers: HANDLERS,
    });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'color.png: expected 192×192 pixels, got 32×32',
    ]);
    expect(existsSync(outFile)).toBe(false);
  });

  it('reports a missing icon file and a manifest that is not JSON', async () => {
    const source = sourceCopy();
    rmSync(path.join(source, 'outline.png'));
    const outFile = path.join(workDir, 'appPackage.zip');
    const missing = await buildAppPackage({
      sourceDir: source,
      outFile,
      values: TEST_VALUES,
      handlers: HANDLERS,
    });
    expect(missing.ok ? [] : missing.problems.map(formatProblem)).toEqual([
      'manifest.icons.outline: file outline.png not found next to manifest.json',
    ]);

    writeFileSync(path.join(source, 'manifest.json'), '{ "id": ');
    const invalid = await buildAppPackage({
      sourceDir: source,
      outFile,
      values: TEST_VALUES,
      handlers: HANDLERS,
    });
    expect(invalid.ok ? [] : invalid.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^manifest\.json: not valid JSON \(.+\)$/),
    ]);
  });
});

describe('the package-app command', () => {
  function capture() {
    const lines: { log: string[]; error: string[] } = { log: [], error: [] };
    return {
      lines,
      output: {
        log: (line: string) => lines.log.push(line),
        error: (line: string) => lines.error.push(line),
      },
    };
  }

  it('packages with only MicrosoftAppId set, deriving the Teams app id', async () => {
    const outFile = path.join(workDir, 'out', 'appPackage.zip');
    const { lines, output } = capture();
    const code = await main(['--out', outFile], { MicrosoftAppId: TEST_BOT_ID }, output);
    expect(lines.error).toEqual([]);
    expect(code).toBe(0);
    const { names, manifest } = readZip(outFile);
    expect([...names].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(manifest.id).toBe(deriveTeamsAppId(TEST_BOT_ID));
    expect(manifest.version).toBe(
      (JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, '..', 'package.json'), 'utf8')) as Json)
        .version,
    );
    expect(lines.log.at(-1)).toContain(`wrote ${outFile} (color.png, manifest.json, outline.png)`);
  });

  it('fails with exit code 1 and names the variable when the bot id is missing or malformed', async () => {
    const outFile = path.join(workDir, 'appPackage.zip');
    const { lines, output } = capture();
    expect(await main(['--out', outFile], { BOT_ID: 'abc' }, output)).toBe(1);
    expect(lines.error).toEqual([
      'environment: 1 problem(s)',
      '  BOT_ID: expected a GUID, got "abc"',
    ]);
    expect(existsSync(outFile)).toBe(false);
  });

  it('rejects unknown arguments', async () => {
    const { lines, output } = capture();
    expect(await main(['--dev'], { BOT_ID: TEST_BOT_ID }, output)).toBe(2);
    expect(lines.error).toEqual(['unknown argument --dev; usage: package-app [--out file.zip]']);
  });
});
