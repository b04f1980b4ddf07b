import {
  bundledSchemaVersions,
  validateManifest,
} from '../../../tools/app-package/manifest.validate';
import { formatProblem } from '../../../tools/app-package/package-problem';
import { filledManifest, HANDLERS, type Json, rawManifest, TEST_BOT_ID } from './fixtures';
import { HANDLED_COMMANDS } from '../../../src/bot/commands';

type Bot = { botId: string; commandLists: { scopes: string[]; commands: { title: string }[] }[] };
type Extension = { botId: string; commands: { id: string }[] };

const bots = (manifest: Json) => manifest.bots as Bot[];
const extensions = (manifest: Json) => manifest.composeExtensions as Extension[];

async function problemsOf(manifest: Json): Promise<string[]> {
  return (await validateManifest(manifest, HANDLERS)).map(formatProblem);
}

describe('the real manifest', () => {
  const original = globalThis.fetch;
  let fetchSpy: jest.Mock;

  beforeEach(() => {
    fetchSpy = jest.fn(() => Promise.reject(new Error('the test forbids network access')));
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('passes the bundled official schema and our checks once filled, without touching the network', async () => {
    expect(await problemsOf(filledManifest())).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    // The validator puts the caller's fetch back afterwards.
    expect(globalThis.fetch).toBe(fetchSpy);
  });

  it('is on a bundled schema version of 1.19 or newer (there is no 1.18)', () => {
    const manifest = rawManifest();
    const version = String(manifest.manifestVersion);
    expect(bundledSchemaVersions()).toContain(version);
    expect(bundledSchemaVersions()).not.toContain('1.18');
    expect(Number(version.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
  });

  it('declares the bot in three scopes with a command list per scope, and the search extension', () => {
    const manifest = filledManifest();
    const [bot] = bots(manifest);
    expect(bot).toMatchObject({ botId: TEST_BOT_ID, supportsFiles: true });
    expect((bot as unknown as { scopes: string[] }).scopes).toEqual([
      'personal',
      'team',
      'groupChat',
    ]);
    expect(bot?.commandLists.map((list) => list.scopes)).toEqual([
      ['personal'],
      ['team'],
      ['groupChat'],
    ]);
    for (const list of bot?.commandLists ?? []) {
      expect(list.commands.map((command) => command.title)).toEqual([
        'start',
        'help',
        'scenarios',
        'plan',
      ]);
    }
    expect(manifest.composeExtensions).toEqual([
      expect.objectContaining({
        botId: TEST_BOT_ID,
        commands: [
          expect.objectContaining({
            id: 'findRules',
            type: 'query',
            title: 'Find network rules',
            initialRun: true,
            context: ['compose', 'commandBox'],
            parameters: [expect.objectContaining({ name: 'query' })],
          }),
        ],
      }),
    ]);
    expect(manifest.validDomains).toEqual([]);
  });

  it('has only the documented placeholders before filling', () => {
    const text = JSON.stringify(rawManifest());
    const names = [...text.matchAll(/\$\{\{(\w+)\}\}/g)].map((match) => match[1]);
    expect([...new Set(names)].sort()).toEqual([
      'APP_PRIVACY_URL',
      'APP_TERMS_URL',
      'APP_VERSION',
      'APP_WEBSITE_URL',
      'BOT_ID',
      'TEAMS_APP_ID',
    ]);
  });
});

describe('a broken manifest fails with the path of the problem', () => {
  it('a bot id that is not a GUID', async () => {
    const manifest = filledManifest();
    bots(manifest)[0]!.botId = 'abc';
    extensions(manifest)[0]!.botId = 'abc';
    expect(await problemsOf(manifest)).toEqual([
      'manifest.bots[0].botId: expected a GUID, got "abc"',
      'manifest.composeExtensions[0].botId: expected a GUID, got "abc"',
    ]);
  });

  it('an app id that is not a GUID', async () => {
    const manifest = { ...filledManifest(), id: '1234' };
    expect(await problemsOf(manifest)).toEqual(['manifest.id: expected a GUID, got "1234"']);
  });

  it('a message extension bound to another bot', async () => {
    const manifest = filledManifest();
    extensions(manifest)[0]!.botId = '00000000-0000-0000-0000-000000000001';
    expect(await problemsOf(manifest)).toEqual([
      `manifest.composeExtensions[0].botId: expected the bot's id "${TEST_BOT_ID}", got "00000000-0000-0000-0000-000000000001"`,
    ]);
  });

  it('a missing required field', async () => {
    const manifest = filledManifest();
    delete (manifest.developer as Json).privacyUrl;
    delete manifest.accentColor;
    expect(await problemsOf(manifest)).toEqual([
      'manifest.accentColor: is required',
      'manifest.developer.privacyUrl: is required',
    ]);
  });

  it('a version that is not semver', async () => {
    const manifest = { ...filledManifest(), version: '1.0' };
    expect(await problemsOf(manifest)).toEqual([
      'manifest.version: expected a semantic version MAJOR.MINOR.PATCH like 1.0.0, got "1.0"',
    ]);
  });

  it('a leftover placeholder, naming the variable to set', async () => {
    const manifest = filledManifest();
    (manifest.developer as Json).privacyUrl = '${{APP_PRIVACY_URL}}';
    manifest.id = '${{TEAMS_APP_ID}}';
    const problems = await problemsOf(manifest);
    expect(problems).toEqual([
      'manifest.id: placeholder ${{TEAMS_APP_ID}} was not filled (set TEAMS_APP_ID)',
      'manifest.developer.privacyUrl: placeholder ${{APP_PRIVACY_URL}} was not filled (set APP_PRIVACY_URL)',
    ]);
  });

  it('a command without a handler', async () => {
    const manifest = filledManifest();
    bots(manifest)[0]!.commandLists[1]!.commands.push({ title: 'export' });
    extensions(manifest)[0]!.commands[0]!.id = 'findPorts';
    expect(await problemsOf(manifest)).toEqual([
      `manifest.bots[0].commandLists[1].commands[4].title: command "export" has no handler in the bot (handled: ${HANDLED_COMMANDS.join(', ')})`,
      'manifest.composeExtensions[0].commands[0].id: message extension command "findPorts" has no handler in the bot (handled: findRules)',
    ]);
  });

  it('a field the schema does not know, and a value over the schema limit', async () => {
    const manifest = filledManifest();
    manifest.botName = 'guide';
    (manifest.name as Json).short = 'AML Network Guide for Azure Machine Learning';
    expect(await problemsOf(manifest)).toEqual([
      'manifest.botName: is not allowed by the schema',
      'manifest.name.short: must NOT have more than 30 characters',
    ]);
  });

  it('a manifest version that does not match its schema', async () => {
    const manifest = { ...filledManifest(), manifestVersion: '1.22' };
    const problems = await problemsOf(manifest);
    expect(problems[0]).toMatch(
      /^manifest\.manifestVersion: expected "1\.\d+" to match \$schema, got "1\.22"$/,
    );
  });

  it('a schema that is not bundled, without fetching it', async () => {
    const original = globalThis.fetch;
    const fetchSpy = jest.fn();
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
    try {
      const manifest = {
        ...filledManifest(),
        $schema:
          'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json',
      };
      const problems = await problemsOf(manifest);
      expect(problems).toEqual([
        `manifest.manifestVersion: expected "1.18" to match $schema, got "${String(filledManifest().manifestVersion)}"`,
        `manifest.$schema: expected the URL of a Teams manifest schema bundled for offline validation (versions 1.0–1.17, 1.19–${bundledSchemaVersions().at(-1)}), got "${manifest.$schema}"`,
      ]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      globalThis.fetch = original;
    }
  });

  it('icon paths in folders, which would not sit at the zip root', async () => {
    const manifest = filledManifest();
    (manifest.icons as Json).color = 'images/color.png';
    expect(await problemsOf(manifest)).toEqual([
      'manifest.icons.color: expected a PNG file name without folders (it sits at the zip root), got "images/color.png"',
    ]);
  });
});
