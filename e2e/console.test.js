// The admin console in a real browser: Debian's Chromium driven headless by playwright-core, against the running
// service (BASE_URL), signed in with the bootstrap admin client (ADMIN_CLIENT_ID / ADMIN_CLIENT_SECRET). Every page
// it visits is written as a 1280x800 screenshot to SCREENSHOT_DIR (default ./screenshots).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const BASE_URL = process.env.BASE_URL || 'http://localhost:8080';
const ADMIN_ID = process.env.ADMIN_CLIENT_ID;
const ADMIN_SECRET = process.env.ADMIN_CLIENT_SECRET;
const SHOTS = process.env.SCREENSHOT_DIR || path.join(__dirname, 'screenshots');
const RUN = Date.now().toString(36);
const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/;

let browser;
let context;
let page;

async function shot(name, target = page) {
  await target.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

async function api(method, url, token, body) {
  const response = await fetch(BASE_URL + url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function tokenFor(clientId, clientSecret) {
  const response = await fetch(`${BASE_URL}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  return { status: response.status, body: await response.json() };
}

async function signIn(target, clientId, clientSecret) {
  await target.goto(`${BASE_URL}/console/sign-in`);
  await target.getByText("Sign in with a credential's client ID and secret").click();
  await target.getByLabel('Client ID').fill(clientId);
  await target.getByLabel('Secret').fill(clientSecret);
  await target.getByRole('button', { name: 'Sign in with the secret' }).click();
}

/** A person, made by the admin, who chooses their password in the browser through their invitation. */
async function invitedPerson(target, levels) {
  const admin = (await tokenFor(ADMIN_ID, ADMIN_SECRET)).body.access_token;
  const username = `person.${RUN}.${Math.floor(Math.random() * 1e6)}`;
  const name = `Person ${username}`;
  const created = await api('POST', '/v3/identities', admin, { name, username, kind: 'USER' });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  if (levels.length) {
    await api('PATCH', `/v3/auth-users/${created.body.id}`, admin,
      [{ op: 'replace', path: '/capabilities', value: levels }]);
  }
  const invitation = await api('POST', `/v3/identities/${created.body.id}/invitations`, admin, {});
  const password = `lantern meadow orbit ${RUN}`;
  await target.goto(invitation.body.url);
  await target.getByLabel('New password').fill(password);
  await target.getByLabel('The same again').fill(password);
  await target.getByRole('button', { name: 'Set password' }).click();
  await assert.doesNotReject(target.getByText('Your password is set').waitFor());
  return { id: created.body.id, username, name, password };
}

/** Signs a person in to the console through the service's sign-in page. */
async function personSignsIn(target, who, code) {
  await target.goto(`${BASE_URL}/console/sign-in`);
  await target.getByRole('link', { name: 'Sign in', exact: true }).click();
  await target.waitForURL(/\/signin/);
  await target.getByLabel('Username').fill(who.username);
  await target.getByLabel('Password').fill(who.password);
  await target.getByRole('button', { name: 'Sign in' }).click();
  if (code) {
    await target.waitForURL(/\/signin\/code/);
    await target.getByLabel('Code').fill(await code());
    await target.getByRole('button', { name: 'Verify' }).click();
  }
  await target.waitForURL(/\/console\//);
}

async function signOut(target) {
  await target.locator('#user-menu').click();
  await target.getByRole('button', { name: 'Sign out' }).click();
}

/** The rights listed on a credential's page. */
async function rightsShown() {
  return page.locator('#effective-rights li code').allTextContents();
}

before(async () => {
  assert.ok(ADMIN_ID && ADMIN_SECRET, 'ADMIN_CLIENT_ID and ADMIN_CLIENT_SECRET are required');
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
});

const state = {};

test('signing in lands on API Management, and nothing of the token reaches the browser', async () => {
  await page.goto(`${BASE_URL}/console/api-clients`);
  await page.waitForURL(/\/console\/sign-in/);
  await shot('01-sign-in');
  await signIn(page, ADMIN_ID, 'not the secret');
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'do not sign in' }).waitFor());

  await signIn(page, ADMIN_ID, ADMIN_SECRET);
  await page.waitForURL(/\/console\/api-clients/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'API Management');
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === 'IDCRED_CONSOLE');
  assert.ok(session.httpOnly, 'the session cookie is HttpOnly');
  assert.equal(session.sameSite, 'Strict');
  assert.ok(!cookies.some((cookie) => cookie.value.split('.').length === 3), 'no JWT in a cookie');
  // A JWT is three base64url parts joined by dots, the first a JSON object ("eyJ"); the form's CSRF value is random
  // base64url without dots, and may hold "eyJ" by chance (about one page in 2,800), so the shape is what is looked for.
  assert.doesNotMatch(await page.content(), JWT, 'no JWT in the page');
  await shot('02-api-management');
});

test('a new API client shows its secret once, and the copied secret obtains a token', async () => {
  await page.getByRole('link', { name: 'New', exact: true }).click();
  assert.ok(await page.locator('#redirect-uris').isHidden(), 'redirect URLs only for the authorization-code grant');
  await page.getByLabel('Authorization code').check();
  assert.ok(await page.locator('#redirect-uris').isVisible());
  await page.getByLabel('Authorization code').uncheck();
  await page.getByLabel('Name', { exact: true }).fill(`console client ${RUN}`);
  await page.getByLabel('Description').fill('made in the browser test');
  await page.getByLabel('idn:identities:read', { exact: true }).check();
  assert.equal(await page.getByLabel('Refresh-token validity, seconds').inputValue(), '2592000');
  await shot('03-new-api-client');
  await page.getByRole('button', { name: 'Create API client' }).click();

  await page.waitForURL(/\/console\/secret/);
  await assert.doesNotReject(page.getByText('this is the only time the secret is shown').waitFor());
  await shot('04-secret-shown-once');
  state.clientId = await page.getByLabel('Client ID').inputValue();
  await page.getByRole('button', { name: 'Copy secret' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^idcs_/);
  const token = await tokenFor(state.clientId, copied);
  assert.equal(token.status, 200);

  await page.reload();
  await assert.doesNotReject(page.getByText('The secret is no longer shown').waitFor());
  assert.ok(!(await page.content()).includes(copied), 'a reload forgets the secret');
});

test('an identity gets ten PATs, and the eleventh is refused with the message', async () => {
  await page.getByRole('link', { name: 'Identities and user levels' }).click();
  await page.getByRole('link', { name: 'New identity' }).click();
  await page.getByLabel('Name').fill(`Console owner ${RUN}`);
  await shot('05-new-identity');
  await page.getByRole('button', { name: 'Create identity' }).click();
  await page.waitForURL(/\/console\/identities\/[^/]+$/);
  state.ownerId = page.url().split('/').pop();

  for (let i = 1; i <= 11; i++) {
    await page.goto(`${BASE_URL}/console/tokens/new`);
    await page.getByLabel('What is this token for?').fill(`console token ${i}`);
    await page.getByLabel(/^Owner/).fill(state.ownerId);
    if (i === 1) {
      await page.getByLabel('sp:scopes:all', { exact: false }).check();
      await shot('06-new-token');
    } else {
      await page.getByLabel('idn:identities:read', { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Create token' }).click();
    if (i <= 10) {
      await page.waitForURL(/\/console\/secret/);
      if (i === 1) {
        state.patId = await page.getByLabel('Client ID').inputValue();
        state.patSecret = await page.getByLabel('Secret').inputValue();
      }
    }
  }
  const refusal = page.getByRole('alert');
  await assert.doesNotReject(refusal.filter({ hasText: 'at most 10 personal access tokens' }).waitFor());
  await shot('07-eleventh-token-refused');

  await page.goto(`${BASE_URL}/console/tokens?owner=${state.ownerId}`);
  assert.match(await page.locator('#token-count').textContent(), /10 of the 10/);
  assert.equal(await page.locator('tbody tr').count(), 10);
  await shot('08-personal-access-tokens');
});

test('editing a scope shows on the credential page', async () => {
  const tokens = page.locator('tbody tr');
  await tokens.filter({ hasText: 'console token 2' }).getByRole('link', { name: /^Edit/ }).click();
  await page.getByLabel('idn:identities:read', { exact: true }).uncheck();
  await page.getByLabel('idn:my-personal-access-tokens:read', { exact: true }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/saved/);
  const settings = await page.locator('dl.settings').textContent();
  assert.match(settings, /idn:my-personal-access-tokens:read/);
  assert.doesNotMatch(settings, /idn:identities:read/);
});

test('granting a level grows an sp:scopes:all token\'s rights, and the past instant shows them as they were', async () => {
  await page.goto(`${BASE_URL}/console/tokens/${state.patId}`);
  const before = await rightsShown();
  assert.ok(!before.includes('idn:identities:read'));
  const beforeGrant = new Date(Date.now() - 1000).toISOString().slice(0, 19);

  await page.goto(`${BASE_URL}/console/identities/${state.ownerId}`);
  await page.getByLabel('Grant a level').selectOption('HELPDESK');
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  await assert.doesNotReject(page.locator('#levels').getByText('HELPDESK').first().waitFor());
  await shot('09-identity-and-levels');

  await page.goto(`${BASE_URL}/console/tokens/${state.patId}`);
  const after = await rightsShown();
  assert.ok(after.includes('idn:identities:read'), `rights after the grant: ${after}`);
  await shot('10-token-page');

  await page.getByLabel('What could it do at (UTC)').fill(beforeGrant);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/at=/);
  const then = await rightsShown();
  assert.ok(!then.includes('idn:identities:read'), `rights before the grant: ${then}`);
  await shot('11-token-page-at-a-past-instant');
});

test('deleting asks first, says it cannot be undone, and then the client is gone', async () => {
  await page.goto(`${BASE_URL}/console/api-clients/${state.clientId}`);
  await shot('12-api-client-page');
  await page.getByRole('link', { name: 'Delete' }).click();
  await assert.doesNotReject(page.getByText('This cannot be undone.').waitFor());
  await shot('13-confirm-delete');
  await page.getByRole('button', { name: /^Delete API client/ }).click();
  await page.waitForURL(/\/console\/api-clients$/);
  await assert.doesNotReject(page.getByText('The API client was deleted.').waitFor());
  assert.equal(await page.getByRole('link', { name: `console client ${RUN}`, exact: true }).count(), 0);
});

test('the audit trail filters by subject', async () => {
  await page.goto(`${BASE_URL}/console/audit`);
  await page.getByLabel('About (credential or identity ID)').fill(state.patId);
  await page.getByRole('button', { name: 'Filter' }).click();
  const types = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  assert.ok(types.includes('PersonalAccessTokenCreated'), `types: ${types}`);
  assert.ok(types.includes('EffectiveRightsChanged'), `types: ${types}`);
  await shot('14-audit-trail');
});

test('the console is usable at 375 px wide', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${BASE_URL}/console/tokens?owner=${state.ownerId}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
  await shot('15-narrow-personal-access-tokens');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('signing out ends the session', async () => {
  await signOut(page);
  await assert.doesNotReject(page.getByText('You are signed out.').waitFor());
  await page.goto(`${BASE_URL}/console/api-clients`);
  await page.waitForURL(/\/console\/sign-in/);
});

test('someone without administrative rights sees no administrative action', async () => {
  const admin = (await tokenFor(ADMIN_ID, ADMIN_SECRET)).body.access_token;
  const person = await api('POST', '/v3/identities', admin, { name: `Plain person ${RUN}`, kind: 'USER' });
  const pat = await api('POST', '/v3/personal-access-tokens', admin,
    { name: 'my own work', ownerId: person.body.id, scope: ['sp:scopes:all'] });
  const plainContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const plain = await plainContext.newPage();
  await signIn(plain, pat.body.id, pat.body.secret);
  await plain.waitForURL(/\/console\/tokens/);
  const navigation = await plain.getByRole('navigation', { name: 'Main' }).textContent();
  assert.match(navigation, /Personal Access Tokens/);
  assert.doesNotMatch(navigation, /API Management|Identities|Audit trail/);
  assert.equal(await plain.getByRole('link', { name: 'New identity' }).count(), 0);
  await shot('16-plain-user', plain);

  await plain.goto(`${BASE_URL}/console/api-clients`);
  await assert.doesNotReject(plain.getByRole('alert').filter({ hasText: 'You do not have the rights' }).waitFor());
  await shot('17-refused-readably', plain);
  await plainContext.close();
});

test('a person signs in with their password; the header shows their name and Preferences holds their tokens', async () => {
  const personContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await personContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  const p = await personContext.newPage();
  const who = await invitedPerson(p, ['HELPDESK']);
  await personSignsIn(p, who);
  await shot('18-person-signed-in', p);
  assert.equal((await p.locator('#user-menu strong').textContent()).trim(), who.name);
  const navigation = await p.getByRole('navigation', { name: 'Main' }).textContent();
  assert.doesNotMatch(navigation, /API Management/, 'a HELPDESK person sees no API Management');
  assert.match(navigation, /Identities and user levels/);
  const cookies = await personContext.cookies();
  assert.ok(!cookies.some((cookie) => cookie.value.split('.').length === 3), 'no JWT in a cookie');

  await p.locator('#user-menu').click();
  await p.getByRole('link', { name: 'Preferences' }).click();
  await p.waitForURL(/\/console\/preferences/);
  assert.match(await p.locator('#token-count').textContent(), /0 of the 10/);
  assert.match(await p.locator('#strong-auth-status').textContent(), /No authenticator app/);
  await shot('19-preferences', p);
  await p.getByRole('link', { name: 'New', exact: true }).click();
  await p.getByLabel('What is this token for?').fill('my laptop');
  await p.getByLabel('idn:identities:read', { exact: true }).check();
  await p.getByRole('button', { name: 'Create token' }).click();
  await p.waitForURL(/\/console\/secret/);
  await p.getByRole('button', { name: 'Copy secret' }).click();
  const secret = await p.evaluate(() => navigator.clipboard.readText());
  const patId = await p.getByLabel('Client ID').inputValue();
  assert.equal((await tokenFor(patId, secret)).status, 200);
  await p.goto(`${BASE_URL}/console/preferences`);
  assert.match(await p.locator('#token-count').textContent(), /1 of the 10/);
  await signOut(p);
  await personContext.close();
});

test('with an authenticator app, the console sign-in asks for its code', async () => {
  const { generate } = await import('otplib');
  const personContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p = await personContext.newPage();
  const who = await invitedPerson(p, []);
  await p.goto(`${BASE_URL}/signin?continue=/account/authenticator`);
  await p.getByLabel('Username').fill(who.username);
  await p.getByLabel('Password').fill(who.password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.waitForURL(/\/account\/authenticator/);
  await shot('20-authenticator-enrolment', p);
  const uri = (await p.locator('#otpauth-uri').textContent()).trim();
  const secret = new URL(uri).searchParams.get('secret');
  await p.getByLabel('The six-digit code the app shows').fill(await generate({ secret }));
  await p.getByRole('button', { name: 'Confirm' }).click();
  assert.equal(await p.locator('#recovery-codes li').count(), 10);
  await shot('21-recovery-codes', p);
  await personContext.clearCookies();

  await personSignsIn(p, who, async () => {
    // A code is accepted once per 30-second step: wait for the next step's code.
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
    return generate({ secret });
  });
  await p.locator('#user-menu').click();
  await p.getByRole('link', { name: 'Preferences' }).click();
  assert.match(await p.locator('#strong-auth-status').textContent(), /An authenticator app is set up/);
  await personContext.close();
});
