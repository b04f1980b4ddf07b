// Settings a person gets wrong stop the bot at once, with a message that names the setting.
import { parseConfig, ConfigError } from '../src/config';
import { runToExit } from './support/process';

describe('the environment', () => {
  it('has working defaults for local mode', () => {
    expect(parseConfig({})).toMatchObject({
      PORT: 3978,
      DATA_DIR: './data',
      STORAGE: 'sqlite',
      LOG_LEVEL: 'info',
      MicrosoftAppType: 'MultiTenant',
      HOST: '127.0.0.1',
      LOCAL_SERVICE_URLS: [],
    });
  });

  it('listens on every interface by default only in Teams mode, where tokens are checked', () => {
    const teams = {
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'x',
    };
    expect(parseConfig(teams).HOST).toBe('0.0.0.0');
    expect(parseConfig({ ...teams, HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
  });

  it('reads LOCAL_SERVICE_URLS as a comma-separated list', () => {
    expect(
      parseConfig({ LOCAL_SERVICE_URLS: 'https://a.example/, http://b.example:8080' })
        .LOCAL_SERVICE_URLS,
    ).toEqual(['https://a.example/', 'http://b.example:8080']);
  });

  it('keeps conversation state 30 days in SQLite unless told otherwise', () => {
    expect(parseConfig({})).toMatchObject({
      STATE_TTL_DAYS: 30,
      BLOB_CONTAINER: 'aml-network-guide',
    });
    expect(parseConfig({ STATE_TTL_DAYS: '7' }).STATE_TTL_DAYS).toBe(7);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '', MicrosoftAppId: ' ' })).toMatchObject({ PORT: 3978 });
    expect(parseConfig({ MicrosoftAppId: ' ' }).MicrosoftAppId).toBeUndefined();
  });

  it('never puts a secret into its error message', () => {
    expect(() => parseConfig({ MicrosoftAppPassword: 's3cr3t-value', PORT: 'x' })).toThrow(
      ConfigError,
    );
    try {
      parseConfig({ MicrosoftAppPassword: 's3cr3t-value', PORT: 'x' });
    } catch (error) {
      expect((error as Error).message).not.toContain('s3cr3t-value');
    }
  });
});

describe('starting with an invalid setting', () => {
  it.each([
    ['PORT=abc', { PORT: 'abc' }, /PORT: expected a whole number from 0 to 65535/],
    ['PORT=70000', { PORT: '70000' }, /PORT: expected a whole number/],
    [
      'SingleTenant without a tenant id',
      {
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'x',
        MicrosoftAppType: 'SingleTenant',
      },
      /MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant/,
    ],
    [
      'an app id without a password',
      { MicrosoftAppId: '00000000-0000-0000-0000-000000000001' },
      /MicrosoftAppPassword: required when MicrosoftAppId is set/,
    ],
    ['an unknown app type', { MicrosoftAppType: 'Everyone' }, /MicrosoftAppType: expected one of/],
    ['an unknown storage', { STORAGE: 'floppy' }, /STORAGE: expected sqlite/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /LOG_LEVEL: expected one of/],
    [
      'a LOCAL_SERVICE_URLS entry that is not a URL',
      { LOCAL_SERVICE_URLS: 'http://ok.example, not a url' },
      /LOCAL_SERVICE_URLS.*: expected a comma-separated list of http or https URLs/,
    ],
    [
      'blob storage without a connection string',
      { STORAGE: 'blob' },
      /BLOB_CONNECTION_STRING: required when STORAGE is blob/,
    ],
    [
      'a container name Azure refuses',
      { STORAGE: 'blob', BLOB_CONNECTION_STRING: 'x', BLOB_CONTAINER: 'Bot_State' },
      /BLOB_CONTAINER: expected 3 to 63 lowercase letters/,
    ],
    [
      'state kept for no days',
      { STATE_TTL_DAYS: '0' },
      /STATE_TTL_DAYS: expected a whole number of days from 1/,
    ],
  ])('%s exits with code 1 and names the setting', async (_name, env, message) => {
    const { code, output } = await runToExit(env);
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(output).toContain('See .env.example');
  });
});
