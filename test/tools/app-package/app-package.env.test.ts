import {
  DEFAULT_LEGAL_URL,
  DEFAULT_WEBSITE_URL,
  deriveTeamsAppId,
  resolvePlaceholderValues,
} from '../../../tools/app-package/app-package.env';
import { formatProblem } from '../../../tools/app-package/package-problem';
import { TEST_APP_ID, TEST_BOT_ID } from './fixtures';

describe('placeholder values from the environment', () => {
  it('takes BOT_ID and TEAMS_APP_ID as given', () => {
    const resolved = resolvePlaceholderValues(
      {
        BOT_ID: TEST_BOT_ID,
        TEAMS_APP_ID: TEST_APP_ID,
        APP_WEBSITE_URL: 'https://contoso.example/guide',
        APP_PRIVACY_URL: 'https://contoso.example/privacy',
        APP_TERMS_URL: 'https://contoso.example/terms',
      },
      '2.0.1',
    );
    expect(resolved).toEqual({
      ok: true,
      values: {
        TEAMS_APP_ID: TEST_APP_ID,
        BOT_ID: TEST_BOT_ID,
        APP_VERSION: '2.0.1',
        APP_WEBSITE_URL: 'https://contoso.example/guide',
        APP_PRIVACY_URL: 'https://contoso.example/privacy',
        APP_TERMS_URL: 'https://contoso.example/terms',
      },
      notes: [],
    });
  });

  it('falls back to MicrosoftAppId, a derived app id and the documented URLs, and says so', () => {
    const resolved = resolvePlaceholderValues(
      { MicrosoftAppId: TEST_BOT_ID, BOT_ID: ' ' },
      '0.1.0',
    );
    expect(resolved).toEqual({
      ok: true,
      values: {
        TEAMS_APP_ID: deriveTeamsAppId(TEST_BOT_ID),
        BOT_ID: TEST_BOT_ID,
        APP_VERSION: '0.1.0',
        APP_WEBSITE_URL: DEFAULT_WEBSITE_URL,
        APP_PRIVACY_URL: DEFAULT_LEGAL_URL,
        APP_TERMS_URL: DEFAULT_LEGAL_URL,
      },
      notes: [
        `TEAMS_APP_ID not set: using ${deriveTeamsAppId(TEST_BOT_ID)}, derived from the bot id`,
        `APP_PRIVACY_URL not set: using ${DEFAULT_LEGAL_URL}; set it to your organization's statement before sharing the app`,
        `APP_TERMS_URL not set: using ${DEFAULT_LEGAL_URL}; set it to your organization's statement before sharing the app`,
      ],
    });
  });

  it('derives a stable version-5 style GUID per bot id, different from the bot id', () => {
    const id = deriveTeamsAppId(TEST_BOT_ID);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toBe(deriveTeamsAppId(TEST_BOT_ID.toUpperCase()));
    expect(id).not.toBe(deriveTeamsAppId('00000000-0000-0000-0000-000000000001'));
    expect(id).not.toBe(TEST_BOT_ID);
  });

  it.each([
    [
      {},
      [
        'BOT_ID: required (or MicrosoftAppId): the Microsoft App ID of the Azure Bot registration, a GUID',
      ],
    ],
    [{ MicrosoftAppId: 'abc' }, ['MicrosoftAppId: expected a GUID, got "abc"']],
    [
      { BOT_ID: TEST_BOT_ID, TEAMS_APP_ID: 'my-app' },
      ['TEAMS_APP_ID: expected a GUID, got "my-app"'],
    ],
    [
      { BOT_ID: TEST_BOT_ID, APP_PRIVACY_URL: 'http://contoso.example/privacy' },
      ['APP_PRIVACY_URL: expected an https:// URL, got "http://contoso.example/privacy"'],
    ],
    [
      { BOT_ID: TEST_BOT_ID, MicrosoftAppId: TEST_APP_ID },
      [
        `BOT_ID: "${TEST_BOT_ID}" differs from MicrosoftAppId "${TEST_APP_ID}": Teams would send messages to a bot the server does not authenticate as`,
      ],
    ],
  ])('rejects %j with a message naming the variable', (env, expected) => {
    const resolved = resolvePlaceholderValues(env, '0.1.0');
    expect(resolved.ok).toBe(false);
    expect(resolved.ok ? [] : resolved.problems.map(formatProblem)).toEqual(expected);
  });
});
