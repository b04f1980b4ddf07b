// Stands in for the Bot Framework's token metadata (OpenID configuration and signing keys), so Teams
// mode can be tested offline with tokens signed here.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';

export const TEST_ISSUER = 'https://api.botframework.test';
export const TEST_APP_ID = '11111111-2222-3333-4444-555555555555';
export const TEST_TENANT = '99999999-8888-7777-6666-555555555555';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function makeSigningKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  // botbuilder only trusts keys endorsed for the channel the activity comes from.
  const jwk = {
    ...(await exportJWK(publicKey)),
    kid,
    use: 'sig',
    alg: 'RS256',
    endorsements: ['msteams'],
  };
  return { kid, privateKey, jwk };
}

export async function signChannelToken(
  key: SigningKey,
  claims: { aud?: string; serviceurl: string; expiresInSeconds?: number },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(TEST_ISSUER)
    .setAudience(claims.aud ?? TEST_APP_ID)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 3600))
    .sign(key.privateKey);
}

export async function startLocalIdp(keys: JWK[]) {
  let base = '';
  const server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/.well-known/openidconfiguration') {
      return json(200, {
        issuer: TEST_ISSUER,
        jwks_uri: `${base}/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.url === '/v1/keys') return json(200, { keys });
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    /** Settings that point botbuilder's token checks here; botbuilder then takes all of them literally. */
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
