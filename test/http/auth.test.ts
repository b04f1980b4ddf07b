// Teams mode: with MicrosoftAppId set, only requests carrying a valid Bot Framework token are served.
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { message, post } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app';
import { cardsIn, cardText } from '../support/card-validation';
import {
  makeSigningKey,
  signChannelToken,
  startLocalIdp,
  TEST_APP_ID,
  TEST_TENANT,
  type SigningKey,
} from '../support/local-idp';

const SERVICE_URL = 'http://127.0.0.1:9/';
let app: TestApp;
let idp: Awaited<ReturnType<typeof startLocalIdp>>;
let trusted: SigningKey;
let attacker: SigningKey;

beforeAll(async () => {
  trusted = await makeSigningKey('k1');
  attacker = await makeSigningKey('k1'); // same key id, different key
  idp = await startLocalIdp([trusted.jwk]);
  app = await startTestApp(
    {
      MicrosoftAppId: TEST_APP_ID,
      MicrosoftAppPassword: 'test-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TEST_TENANT,
    },
    { authOverrides: idp.authOverrides as Partial<ConfigurationBotFrameworkAuthenticationOptions> },
  );
});
afterAll(async () => {
  await app.close();
  await idp.close();
});

const ask = (authorization?: string) =>
  post(
    app.url,
    message('help', { serviceUrl: SERVICE_URL, expectReplies: true }),
    authorization ? { authorization } : {},
  );

describe('in Teams mode', () => {
  it('answers a request with a valid channel token', async () => {
    const res = await ask(`Bearer ${await signChannelToken(trusted, { serviceurl: SERVICE_URL })}`);
    expect(res.status).toBe(200);
    const body = res.body as { activities: unknown[] };
    expect(cardText(cardsIn(body.activities)[0])).toContain('What I can do');
  });

  it.each([
    ['no token', async () => undefined],
    [
      'an expired token',
      async () => signChannelToken(trusted, { serviceurl: SERVICE_URL, expiresInSeconds: -600 }),
    ],
    [
      'a token signed by another key',
      async () => signChannelToken(attacker, { serviceurl: SERVICE_URL }),
    ],
    [
      'a token for another bot',
      async () => signChannelToken(trusted, { serviceurl: SERVICE_URL, aud: 'other-app' }),
    ],
  ])('rejects %s with 401', async (_name, makeToken) => {
    const token = await makeToken();
    const res = await ask(token ? `Bearer ${token}` : undefined);
    expect(res.status).toBe(401);
  });
});
