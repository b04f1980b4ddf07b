// Teams mode: with MicrosoftAppId set, only requests carrying a valid Bot Framework token become
// turns, and replies carry a token the bot fetched for itself. Every refused token gets the same
// bare 401, and an unreachable token service a 503, each with one short log line.
import { message, post } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app';
import { cardsIn, cardText } from '../support/card-validation';
import { startFakeChannel, type FakeChannel } from '../support/fake-channel';
import { captureLogs, type CapturedLogs } from '../support/log-capture';
import {
  algConfusionToken,
  LocalCredentialsFactory,
  makeSigningKey,
  signChannelToken,
  startLocalIdp,
  TEST_APP_ID,
  TEST_APP_SECRET,
  TEST_TENANT,
  unsignedToken,
  type LocalIdp,
  type SigningKey,
} from '../support/local-idp';

const REFUSED = 'request refused: no valid Bot Framework token';

type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

function teamsEnv(type: AppType): Record<string, string> {
  return {
    MicrosoftAppId: TEST_APP_ID,
    MicrosoftAppType: type,
    ...(type === 'UserAssignedMSI' ? {} : { MicrosoftAppPassword: TEST_APP_SECRET }),
    ...(type === 'MultiTenant' ? {} : { MicrosoftAppTenantId: TEST_TENANT }),
  };
}

async function startTeamsBot(idp: LocalIdp, type: AppType, logs = captureLogs()) {
  const app = await startTestApp(teamsEnv(type), {
    authOverrides: idp.authOverrides,
    credentialsFactory: new LocalCredentialsFactory(idp.base),
    logger: logs.logger,
  });
  return { app, logs };
}

let idp: LocalIdp;
let trusted: SigningKey;
let webchatOnly: SigningKey;
let channel: FakeChannel;

beforeAll(async () => {
  trusted = await makeSigningKey('k1');
  webchatOnly = await makeSigningKey('k-webchat', ['webchat']);
  idp = await startLocalIdp([trusted.jwk, webchatOnly.jwk]);
  channel = await startFakeChannel();
});
afterAll(async () => {
  await channel.close();
  await idp.close();
});

describe('a bot in Teams mode', () => {
  let app: TestApp;
  let logs: CapturedLogs;
  let attacker: SigningKey;
  beforeAll(async () => {
    ({ app, logs } = await startTeamsBot(idp, 'SingleTenant'));
    attacker = await makeSigningKey('k1'); // the trusted key id, another key
  });
  afterAll(() => app.close());
  beforeEach(() => channel.replies.splice(0));

  const helpFor = () => message('help', { serviceUrl: channel.url });

  it('answers "help" to the activity\'s serviceUrl with a token from the token endpoint', async () => {
    const token = await signChannelToken(trusted, { serviceurl: channel.url });
    const res = await post(app.url, helpFor(), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const [reply] = await channel.waitFor(1);
    expect(cardText(cardsIn([reply!.activity])[0])).toContain('What I can do');
    expect(reply!.authorization).toMatch(/^Bearer local-access-token-\d+$/);
    expect(idp.tokenRequests.at(-1)).toMatchObject({
      grant_type: 'client_credentials',
      client_id: TEST_APP_ID,
    });
  });

  const url = () => channel.url;
  it.each<[string, () => Promise<string | undefined>, RegExp]>([
    ['no token', async () => undefined, /not authorized/],
    ['garbage', async () => 'Bearer not-a-token', /No valid identity/],
    [
      'a token without a signature (alg none)',
      async () => `Bearer ${unsignedToken('k1', url())}`,
      /signature is required/,
    ],
    [
      'an HS256 token signed with the public key (alg confusion)',
      async () => `Bearer ${algConfusionToken(trusted, url())}`,
      /invalid algorithm/,
    ],
    [
      'an unknown key id',
      async () =>
        `Bearer ${await signChannelToken(trusted, { serviceurl: url(), kid: 'k-unknown' })}`,
      /Signing Key could not be retrieved/,
    ],
    [
      'a wrong signature with a known key id',
      async () => `Bearer ${await signChannelToken(attacker, { serviceurl: url() })}`,
      /invalid signature/,
    ],
    [
      'a token for another bot',
      async () =>
        `Bearer ${await signChannelToken(trusted, { serviceurl: url(), aud: 'other-app' })}`,
      /Invalid AppId/,
    ],
    [
      'a token from another issuer',
      async () =>
        `Bearer ${await signChannelToken(trusted, { serviceurl: url(), iss: 'https://issuer.example' })}`,
      /No valid identity/,
    ],
    [
      'a token expired beyond the 5-minute skew',
      async () =>
        `Bearer ${await signChannelToken(trusted, { serviceurl: url(), expiresInSeconds: -600 })}`,
      /expired/,
    ],
    [
      'a token not valid for another 10 minutes',
      async () =>
        `Bearer ${await signChannelToken(trusted, { serviceurl: url(), notBeforeInSeconds: 600 })}`,
      /not active/,
    ],
    [
      'a token for another serviceUrl',
      async () =>
        `Bearer ${await signChannelToken(trusted, { serviceurl: 'https://other.example/' })}`,
      /ServiceUrl claim do not match/,
    ],
    [
      'a key endorsed for another channel',
      async () => `Bearer ${await signChannelToken(webchatOnly, { serviceurl: url() })}`,
      /endorsement/,
    ],
  ])(
    'refuses %s with a bare 401, runs no turn and logs one short line',
    async (_name, auth, reason) => {
      const authorization = await auth();
      const refusedBefore = logs.withMessage(REFUSED).length;
      const turnsBefore = logs.withMessage('turn').length;

      const res = await post(app.url, helpFor(), authorization ? { authorization } : {});
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized' });

      expect(logs.withMessage('turn')).toHaveLength(turnsBefore);
      expect(channel.replies).toHaveLength(0);
      const refused = logs.withMessage(REFUSED);
      // The line says which check refused it: each case reaches the check it is named after.
      expect(refused.at(-1)?.['reason']).toMatch(reason);
      expect(refused).toHaveLength(refusedBefore + 1);
      expect(JSON.stringify(refused.at(-1)).length).toBeLessThan(400);
      if (authorization)
        expect(JSON.stringify(logs.entries())).not.toContain(authorization.slice(7));
    },
  );
});

describe.each<AppType>(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])(
  'a %s registration',
  (type) => {
    let app: TestApp;
    beforeAll(async () => {
      ({ app } = await startTeamsBot(idp, type));
    });
    afterAll(() => app.close());

    it('answers a valid token and refuses one for another bot', async () => {
      const activity = message('help', { serviceUrl: channel.url, expectReplies: true });
      const valid = await signChannelToken(trusted, { serviceurl: channel.url });
      const res = await post(app.url, activity, { authorization: `Bearer ${valid}` });
      expect(res.status).toBe(200);
      expect((res.body as { activities: unknown[] }).activities).toHaveLength(1);

      const other = await signChannelToken(trusted, { serviceurl: channel.url, aud: 'other' });
      const refused = await post(app.url, activity, { authorization: `Bearer ${other}` });
      expect(refused.status).toBe(401);
    });
  },
);

describe('when the token metadata cannot be fetched', () => {
  it('answers 503 without detail, retries with backoff, logs one warning, and recovers', async () => {
    const outage = await startLocalIdp([trusted.jwk]);
    outage.failing = true;
    const { app, logs } = await startTeamsBot(outage, 'MultiTenant');
    try {
      const activity = message('help', { serviceUrl: channel.url, expectReplies: true });
      const token = await signChannelToken(trusted, { serviceurl: channel.url });
      const ask = () => post(app.url, activity, { authorization: `Bearer ${token}` });

      const first = await ask();
      expect(first.status).toBe(503);
      expect(first.body).toEqual({ error: 'tokens cannot be checked right now; retry shortly' });
      const fetches = outage.metadataFetches();
      expect(fetches).toBeGreaterThan(0);
      // Within the backoff nobody waits on the metadata endpoint again.
      for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(503);
      expect(outage.metadataFetches()).toBe(fetches);
      expect(logs.entries().filter((e) => e['level'] === 40)).toHaveLength(1);
      expect(JSON.stringify(logs.entries())).not.toContain(outage.base);

      outage.failing = false;
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await ask()).status).toBe(200);
    } finally {
      await app.close();
      await outage.close();
    }
  });

  it('answers 503 when nothing listens at the metadata address', async () => {
    const gone = await startLocalIdp([trusted.jwk]);
    await gone.close();
    const { app } = await startTeamsBot(gone, 'MultiTenant');
    try {
      const token = await signChannelToken(trusted, { serviceurl: channel.url });
      const res = await post(app.url, message('help', { serviceUrl: channel.url }), {
        authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(503);
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await app.close();
    }
  });
});
