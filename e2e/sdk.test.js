// The official SDK (sailpoint-api-client, v3 modules) against a running credential service.
// BASE_URL (default http://localhost:8080) and the bootstrap admin's ADMIN_CLIENT_ID / ADMIN_CLIENT_SECRET.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Configuration, OAuthClientsApi, PersonalAccessTokensApi, AuthUsersApi } = require('sailpoint-api-client');

const BASE_URL = process.env.BASE_URL || 'http://localhost:8080';
const ADMIN = { id: process.env.ADMIN_CLIENT_ID, secret: process.env.ADMIN_CLIENT_SECRET };

function configFor(clientId, clientSecret) {
  return new Configuration({ baseurl: BASE_URL, clientId, clientSecret, tokenUrl: `${BASE_URL}/oauth/token` });
}

const admin = configFor(ADMIN.id, ADMIN.secret);
const clients = new OAuthClientsApi(admin);
const pats = new PersonalAccessTokensApi(admin);
const authUsers = new AuthUsersApi(admin);

async function eventually(check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

// The SDK rejects with the HTTP response, or, when the token request itself fails, with an Error naming its status.
async function refused(call) {
  try {
    await call();
  } catch (e) {
    if (e.response) return e.response;
    const status = /status code (\d{3})/.exec(String(e.message));
    if (status) return { status: Number(status[1]) };
    throw e;
  }
  assert.fail('expected the call to be refused');
}

// Identities are this service's own addition to the v3 API, so they are made with plain HTTP.
async function createIdentity(name) {
  const token = await adminToken();
  const response = await fetch(`${BASE_URL}/v3/identities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name, kind: 'USER' }),
  });
  assert.equal(response.status, 200);
  return (await response.json()).id;
}

async function adminToken() {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: ADMIN.id, client_secret: ADMIN.secret });
  const response = await fetch(`${BASE_URL}/oauth/token`, { method: 'POST', body: form });
  assert.equal(response.status, 200);
  return (await response.json()).access_token;
}

test('API client: create, get, list with filters, patch, delete', async () => {
  const created = await clients.createOauthClient({
    createOAuthClientRequest: {
      name: 'sdk client', description: 'made by the SDK', accessTokenValiditySeconds: 600,
      grantTypes: ['CLIENT_CREDENTIALS'], accessType: 'OFFLINE', enabled: true, scope: ['idn:identities:read'],
    },
  });
  assert.equal(created.status, 200);
  assert.ok(created.data.secret, 'the create response carries the secret');
  const id = created.data.id;

  const read = await eventually(() => clients.getOauthClient({ id }));
  assert.equal(read.data.name, 'sdk client');
  assert.equal(read.data.secret, undefined, 'a read never carries the secret');
  assert.deepEqual(read.data.scope, ['idn:identities:read']);

  const neverUsed = await clients.listOauthClients({ filters: 'lastUsed isnull' });
  assert.ok(neverUsed.data.some((c) => c.id === id));

  const patched = await clients.patchOauthClient({
    id, jsonPatchOperation: [{ op: 'replace', path: '/description', value: 'patched by the SDK' }],
  });
  assert.equal(patched.data.description, 'patched by the SDK');

  assert.equal((await clients.deleteOauthClient({ id })).status, 204);
  await eventually(async () => assert.equal((await refused(() => clients.getOauthClient({ id }))).status, 404));
});

test('API client used for a token shows lastUsed and leaves the isnull filter', async () => {
  const created = await clients.createOauthClient({
    createOAuthClientRequest: { name: 'used client', description: 'd', accessTokenValiditySeconds: 300,
      grantTypes: ['CLIENT_CREDENTIALS'], accessType: 'OFFLINE', enabled: true },
  });
  const usedApi = new OAuthClientsApi(configFor(created.data.id, created.data.secret));
  await refused(() => usedApi.listOauthClients()); // obtains a token (usage), then lacks the right: default scope
  await eventually(async () => {
    const read = await clients.getOauthClient({ id: created.data.id });
    assert.ok(read.data.lastUsed, 'lastUsed is set');
    const neverUsed = await clients.listOauthClients({ filters: 'lastUsed isnull' });
    assert.ok(!neverUsed.data.some((c) => c.id === created.data.id));
  });
});

test('personal access token: create, list, patch, delete', async () => {
  const created = await pats.createPersonalAccessToken({
    createPersonalAccessTokenRequest: { name: `sdk token ${Date.now()}`, scope: ['idn:oauth-clients:read'] },
  });
  assert.equal(created.status, 200);
  assert.ok(created.data.secret);
  assert.equal(created.data.owner.type, 'IDENTITY');
  assert.equal(created.data.accessTokenValiditySeconds, 43200);
  const id = created.data.id;

  await eventually(async () => {
    const mine = await pats.listPersonalAccessTokens({ ownerId: 'me', filters: 'lastUsed isnull' });
    assert.ok(mine.data.some((t) => t.id === id));
    assert.ok(mine.data.every((t) => t.secret === undefined));
  });

  const patched = await pats.patchPersonalAccessToken({
    id, jsonPatchOperation: [{ op: 'replace', path: '/name', value: `renamed ${Date.now()}` }],
  });
  assert.match(patched.data.name, /^renamed /);

  const tokenApi = new OAuthClientsApi(configFor(id, created.data.secret));
  assert.equal((await tokenApi.listOauthClients()).status, 200, 'the token reads clients with its scope');

  assert.equal((await pats.deletePersonalAccessToken({ id })).status, 204);
  const afterDelete = await refused(() => new OAuthClientsApi(configFor(id, created.data.secret)).listOauthClients());
  assert.equal(afterDelete.status, 401, 'a deleted token obtains no access token');
});

test('user levels: get and patch capabilities', async () => {
  const identityId = await createIdentity(`SDK user ${Date.now()}`);
  const granted = await authUsers.patchAuthUser({
    id: identityId, jsonPatchOperation: [{ op: 'add', path: '/capabilities/-', value: 'HELPDESK' }],
  });
  assert.deepEqual(granted.data.capabilities, ['HELPDESK']);
  await eventually(async () => {
    const read = await authUsers.getAuthUser({ id: identityId });
    assert.deepEqual(read.data.capabilities, ['HELPDESK']);
  });
  const revoked = await authUsers.patchAuthUser({
    id: identityId, jsonPatchOperation: [{ op: 'replace', path: '/capabilities', value: [] }],
  });
  assert.deepEqual(revoked.data.capabilities, []);
});

test('errors the SDK surfaces carry the error body', async () => {
  const unknownScope = await refused(() => clients.createOauthClient({
    createOAuthClientRequest: { name: 'bad', description: 'd', accessTokenValiditySeconds: 600,
      grantTypes: ['CLIENT_CREDENTIALS'], accessType: 'OFFLINE', enabled: true, scope: ['idn:no-such:right'] },
  }));
  assert.equal(unknownScope.status, 400);
  assert.equal(unknownScope.data.detailCode, '400.1.1 Unknown scope');
  assert.ok(unknownScope.data.trackingId);
  assert.equal(unknownScope.data.messages[0].locale, 'en-US');

  const missing = await refused(() => clients.getOauthClient({ id: 'no-such-client' }));
  assert.equal(missing.status, 404);

  const badSecret = await refused(() => new OAuthClientsApi(configFor(ADMIN.id, 'wrong')).listOauthClients());
  assert.equal(badSecret.status, 401);

  const defaultScope = await pats.createPersonalAccessToken({
    createPersonalAccessTokenRequest: { name: `default scope ${Date.now()}` },
  });
  assert.deepEqual(defaultScope.data.scope, ['sp:scopes:default']);
  const forbidden = await refused(() => new OAuthClientsApi(configFor(defaultScope.data.id, defaultScope.data.secret))
    .listOauthClients());
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.data.detailCode, '403 Forbidden');
  await pats.deletePersonalAccessToken({ id: defaultScope.data.id });
});

test('the OpenAPI document is valid OpenAPI 3 for a generic validator', async () => {
  const SwaggerParser = require('@apidevtools/swagger-parser');
  const response = await fetch(`${BASE_URL}/openapi`);
  assert.equal(response.status, 200);
  const document = await response.json();
  const api = await SwaggerParser.validate(document);
  assert.match(api.openapi, /^3\./);
  assert.ok(api.paths['/v3/personal-access-tokens'], 'the API is documented');
});
