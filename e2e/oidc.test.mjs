// A standard OpenID Connect client (openid-client, on oauth4webapi) against the running service: discovery, the
// authorization-code grant with PKCE for a public and a confidential client, the ID token, userinfo, refresh with
// rotation, a replayed code, redirect-URI matching, and a consent withdrawn. BASE_URL and the bootstrap admin's
// ADMIN_CLIENT_ID / ADMIN_CLIENT_SECRET, as for the SDK suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as oidc from 'openid-client';
import { BASE_URL, Browser, api, person, registeredClient, signInAndConsent } from './people.mjs';

const LOOPBACK = 'http://127.0.0.1/callback';
/** What openid-client rejects with when the token endpoint answers invalid_grant. */
const invalidGrant = (e) => e.error === 'invalid_grant';
const insecure = { execute: [oidc.allowInsecureRequests] };

async function discover(clientId, auth = oidc.None()) {
  return oidc.discovery(new URL(BASE_URL), clientId, undefined, auth, insecure);
}

async function authorizationRequest(config, redirectUri, scope) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri, scope, state, nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  return { url: url.toString(), verifier, state, nonce };
}

test('discovery names the issuer, every endpoint, the grants, S256 and the signing algorithm', async () => {
  const response = await fetch(`${BASE_URL}/.well-known/openid-configuration`);
  const metadata = await response.json();
  assert.equal(metadata.issuer, BASE_URL);
  assert.equal(metadata.authorization_endpoint, `${BASE_URL}/oauth/authorize`);
  assert.equal(metadata.token_endpoint, `${BASE_URL}/oauth/token`);
  assert.equal(metadata.jwks_uri, `${BASE_URL}/oauth/jwks`);
  assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
  assert.ok(metadata.grant_types_supported.includes('authorization_code'));
  assert.ok(metadata.scopes_supported.includes('openid'));
  const oauth = await (await fetch(`${BASE_URL}/.well-known/oauth-authorization-server`)).json();
  assert.deepEqual(oauth, metadata);
});

test('a public client signs a person in with PKCE on a loopback redirect, on any port', async () => {
  const who = await person(['HELPDESK']);
  const app = await registeredClient({
    type: 'PUBLIC', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], redirectUris: [LOOPBACK],
    scope: ['idn:identities:read', 'idn:my-account:read', 'idn:oauth-clients:manage'],
  });
  assert.equal(app.secret, undefined, 'a public client is given no secret');
  const config = await discover(app.id);
  const redirectUri = 'http://127.0.0.1:53682/callback';
  const request = await authorizationRequest(config, redirectUri,
    'openid profile idn:identities:read idn:my-account:read idn:oauth-clients:manage');
  const browser = new Browser();
  const callback = await signInAndConsent(browser, request.url, who);
  assert.ok(callback.startsWith(`${redirectUri}?`), callback);
  assert.equal(new URL(callback).searchParams.get('iss'), BASE_URL);

  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: request.verifier, expectedState: request.state, expectedNonce: request.nonce,
  }, { redirect_uri: redirectUri });
  const claims = tokens.claims();
  assert.equal(claims.sub, who.id);
  assert.equal(claims.name, who.name);
  assert.ok(tokens.refresh_token);
  const scope = tokens.scope.split(' ');
  assert.ok(scope.includes('idn:identities:read'));
  assert.ok(!scope.includes('idn:oauth-clients:manage'), 'a right the person does not hold is not granted');

  const info = await oidc.fetchUserInfo(config, tokens.access_token, who.id);
  assert.equal(info.preferred_username, who.username);
  const me = await api('GET', '/v3/me', undefined, tokens.access_token);
  assert.equal(me.status, 200);
  assert.equal(me.body.id, who.id);

  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
  assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
  await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token), invalidGrant);
  await assert.rejects(oidc.refreshTokenGrant(config, refreshed.refresh_token), invalidGrant,
    'reusing a spent refresh token ends its whole family');
});

test('a code works once: its second use is refused and revokes what the first issued', async () => {
  const who = await person();
  const app = await registeredClient({
    grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], redirectUris: ['https://app.example/callback'],
    scope: ['idn:my-account:read'],
  });
  const config = await discover(app.id, oidc.ClientSecretBasic(app.secret));
  const request = await authorizationRequest(config, 'https://app.example/callback', 'openid idn:my-account:read');
  const callback = await signInAndConsent(new Browser(), request.url, who);
  const code = new URL(callback).searchParams.get('code');
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: request.verifier, expectedState: request.state, expectedNonce: request.nonce,
  });
  assert.equal((await api('GET', '/v3/me', undefined, tokens.access_token)).status, 200);

  const replay = await fetch(`${BASE_URL}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${app.id}:${app.secret}`).toString('base64')}` },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: 'https://app.example/callback',
      code_verifier: request.verifier,
    }),
  });
  assert.equal(replay.status, 400);
  assert.equal((await replay.json()).error, 'invalid_grant');
  assert.equal((await api('GET', '/v3/me', undefined, tokens.access_token)).status, 401);
  await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token), invalidGrant);
});

test('a wrong verifier is refused, and the code is spent', async () => {
  const who = await person();
  const app = await registeredClient({ type: 'PUBLIC', grantTypes: ['AUTHORIZATION_CODE'], redirectUris: [LOOPBACK],
    scope: ['idn:my-account:read'] });
  const config = await discover(app.id);
  const request = await authorizationRequest(config, LOOPBACK, 'idn:my-account:read');
  const callback = await signInAndConsent(new Browser(), request.url, who);
  await assert.rejects(oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: request.state,
  }), invalidGrant);
  await assert.rejects(oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: request.verifier, expectedState: request.state,
  }), invalidGrant);
});

test('a redirect URI that is not exactly a registered one gets an error page, never a redirect', async () => {
  const app = await registeredClient({ grantTypes: ['AUTHORIZATION_CODE'], redirectUris: ['https://app.example/cb'],
    scope: ['idn:my-account:read'] });
  const browser = new Browser();
  for (const redirect of ['https://app.example/cb/extra', 'https://app.example/cb?x=1', 'https://app.example/cb#f',
    'https://evil.example/cb', 'javascript:alert(1)', 'https://app.example.evil.example/cb', '//evil.example/cb']) {
    const url = `${BASE_URL}/oauth/authorize?response_type=code&client_id=${app.id}`
      + `&redirect_uri=${encodeURIComponent(redirect)}&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`;
    const page = await browser.get(url);
    assert.equal(page.status, 400, redirect);
    assert.equal(page.location, null, redirect);
  }
  const unknownClient = await browser.get(`${BASE_URL}/oauth/authorize?response_type=code&client_id=nobody`
    + `&redirect_uri=${encodeURIComponent('https://app.example/cb')}`);
  assert.equal(unknownClient.status, 400);
  assert.equal(unknownClient.location, null);
  const repeated = await browser.get(`${BASE_URL}/oauth/authorize?response_type=code&client_id=${app.id}`
    + `&client_id=${app.id}&redirect_uri=${encodeURIComponent('https://app.example/cb')}`);
  assert.equal(repeated.status, 400);
  assert.equal(repeated.location, null);
});

test('without PKCE the client is told so at its redirect URI, with state and iss', async () => {
  const app = await registeredClient({ grantTypes: ['AUTHORIZATION_CODE'], redirectUris: ['https://app.example/cb'],
    scope: ['idn:my-account:read'] });
  const page = await new Browser().get(`${BASE_URL}/oauth/authorize?response_type=code&client_id=${app.id}`
    + `&redirect_uri=${encodeURIComponent('https://app.example/cb')}&state=s1`);
  assert.equal(page.status, 302);
  const back = new URL(page.location);
  assert.equal(back.origin + back.pathname, 'https://app.example/cb');
  assert.equal(back.searchParams.get('error'), 'invalid_request');
  assert.equal(back.searchParams.get('state'), 's1');
  assert.equal(back.searchParams.get('iss'), BASE_URL);
});

test('a person who withdraws their consent stops the client: its tokens and refresh tokens end', async () => {
  const who = await person();
  const app = await registeredClient({ type: 'PUBLIC', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
    redirectUris: [LOOPBACK], scope: ['idn:my-account:read', 'idn:my-account:manage'] });
  const config = await discover(app.id);
  const request = await authorizationRequest(config, LOOPBACK, 'idn:my-account:read idn:my-account:manage');
  const callback = await signInAndConsent(new Browser(), request.url, who);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: request.verifier, expectedState: request.state,
  });
  const consents = await api('GET', '/v3/me/consents', undefined, tokens.access_token);
  assert.deepEqual(consents.body.map((c) => c.clientId), [app.id]);
  assert.equal((await api('DELETE', `/v3/me/consents/${app.id}`, undefined, tokens.access_token)).status, 204);
  assert.equal((await api('GET', '/v3/me', undefined, tokens.access_token)).status, 401);
  await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token), invalidGrant);
});

test('a removed identity stops at once: its delegated tokens and its sign-in end', async () => {
  const who = await person();
  const app = await registeredClient({ type: 'PUBLIC', grantTypes: ['AUTHORIZATION_CODE'], redirectUris: [LOOPBACK],
    scope: ['idn:my-account:read'] });
  const config = await discover(app.id);
  const request = await authorizationRequest(config, LOOPBACK, 'idn:my-account:read');
  const callback = await signInAndConsent(new Browser(), request.url, who);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: request.verifier, expectedState: request.state,
  });
  assert.equal((await api('DELETE', `/v3/identities/${who.id}`)).status, 204);
  assert.equal((await api('GET', '/v3/me', undefined, tokens.access_token)).status, 401);
  const browser = new Browser();
  const form = await browser.get(`${BASE_URL}/signin`);
  const refused = await browser.submit(form, { username: who.username, password: who.password });
  assert.equal(refused.status, 401);
});
