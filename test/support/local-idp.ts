// Stands in for the Bot Framework's token services, so Teams mode can be tested offline: the token
// metadata (OpenID configuration and signing keys) for tokens signed here, and a client-credentials
// token endpoint for the tokens the bot sends with its replies.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import {
  AppCredentials,
  ServiceClientCredentialsFactory,
  type AuthenticatorResult,
  type ServiceClientCredentials,
} from 'botframework-connector';

export const TEST_ISSUER = 'https://api.botframework.test';
export const TEST_APP_ID = '11111111-2222-3333-4444-555555555555';
export const TEST_APP_SECRET = 'test-secret';
export const TEST_TENANT = '99999999-8888-7777-6666-555555555555';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public key as PEM, which an alg-confusion attack uses as an HMAC secret. */
  publicPem: string;
  jwk: JWK;
}

/** botbuilder only trusts a key for the channels its endorsements name. */
export async function makeSigningKey(kid: string, endorsements = ['msteams']): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', endorsements };
  return { kid, privateKey, publicPem: await exportSPKI(publicKey), jwk };
}

export interface TokenClaims {
  serviceurl: string;
  aud?: string;
  iss?: string;
  expiresInSeconds?: number;
  notBeforeInSeconds?: number;
  /** Signs with this key but names another key id in the header. */
  kid?: string;
}

export async function signChannelToken(key: SigningKey, claims: TokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl })
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? TEST_ISSUER)
    .setAudience(claims.aud ?? TEST_APP_ID)
    .setIssuedAt(now - 60)
    .setNotBefore(now + (claims.notBeforeInSeconds ?? -60))
    .setExpirationTime(now + (claims.expiresInSeconds ?? 3600))
    .sign(key.privateKey);
}

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function payload(serviceurl: string) {
  const now = Math.floor(Date.now() / 1000);
  return { iss: TEST_ISSUER, aud: TEST_APP_ID, serviceurl, nbf: now - 60, exp: now + 3600 };
}

/** A token with `alg: none` and no signature, which a careless verifier accepts. */
export function unsignedToken(kid: string, serviceurl: string): string {
  return `${base64url({ alg: 'none', kid, typ: 'JWT' })}.${base64url(payload(serviceurl))}.`;
}

/** HS256 "signed" with the server's public key as the secret: the classic alg-confusion attack. */
export function algConfusionToken(key: SigningKey, serviceurl: string): string {
  const signed = `${base64url({ alg: 'HS256', kid: key.kid, typ: 'JWT' })}.${base64url(payload(serviceurl))}`;
  const signature = createHmac('sha256', key.publicPem).update(signed).digest('base64url');
  return `${signed}.${signature}`;
}

export interface LocalIdp {
  base: string;
  /** Settings that point botbuilder's token checks here; botbuilder then takes all of them literally. */
  authOverrides: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** How often the OpenID configuration was fetched. */
  metadataFetches(): number;
  /** The client-credentials requests the bot made for outbound tokens. */
  tokenRequests: Record<string, string>[];
  /** While set, the metadata endpoints answer 500, as an outage would. */
  failing: boolean;
  close(): Promise<void>;
}

export async function startLocalIdp(keys: JWK[]): Promise<LocalIdp> {
  let base = '';
  let fetches = 0;
  let issued = 0;
  const state = { failing: false };
  const tokenRequests: Record<string, string>[] = [];
  const server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/.well-known/openidconfiguration') {
        fetches++;
        if (state.failing) return json(500, { error: 'unavailable' });
        return json(200, {
          issuer: TEST_ISSUER,
          jwks_uri: `${base}/v1/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (req.url === '/v1/keys') return json(200, { keys });
      if (req.method === 'POST' && req.url === `/${TEST_TENANT}/oauth2/v2.0/token`) {
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
        tokenRequests.push(form);
        const valid =
          form['grant_type'] === 'client_credentials' &&
          form['client_id'] === TEST_APP_ID &&
          form['client_secret'] === TEST_APP_SECRET;
        if (!valid) return json(401, { error: 'invalid_client' });
        return json(200, {
          token_type: 'Bearer',
          expires_in: 3599,
          access_token: `local-access-token-${++issued}`,
        });
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    authOverrides: {
      ToBotFromChannelOpenIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
      ToBotFromChannelTokenIssuer: TEST_ISSUER,
      ToBotFromEmulatorOpenIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
      ToChannelFromBotLoginUrl: `${base}/${TEST_TENANT}`,
      ToChannelFromBotOAuthScope: TEST_ISSUER,
      OAuthUrl: `${base}/oauth-api`,
      CallerId: 'urn:botframework:test',
      ValidateAuthority: false,
    },
    metadataFetches: () => fetches,
    tokenRequests,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Client credentials fetched from the local token endpoint over plain HTTP (MSAL insists on HTTPS). */
class LocalAppCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly tokenUrl: string,
    scope: string,
  ) {
    super(appId, undefined, scope);
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const res = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.appId,
        client_secret: TEST_APP_SECRET,
        scope: `${this.oAuthScope}/.default`,
      }),
    });
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    return {
      accessToken: body.access_token,
      expiresOn: new Date(Date.now() + body.expires_in * 1000),
    };
  }
}

/** The credentials factory a test passes to the bot, so outbound tokens come from the local IdP. */
export class LocalCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly idpBase: string) {
    super();
  }
  async isValidAppId(appId = ''): Promise<boolean> {
    return appId === TEST_APP_ID;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(appId: string, audience?: string): Promise<ServiceClientCredentials> {
    if (appId !== TEST_APP_ID) throw new Error('unknown app id');
    const tokenUrl = `${this.idpBase}/${TEST_TENANT}/oauth2/v2.0/token`;
    return new LocalAppCredentials(appId, tokenUrl, audience ?? TEST_ISSUER);
  }
}
