// People sign in on the service's own pages: an invitation sets a password once, common passwords are refused, the
// same refusal whatever was wrong, the tenant's lockout, an authenticator app (TOTP) with recovery codes, CSRF on
// every form, and the session cookie's attributes. BASE_URL, ADMIN_CLIENT_ID and ADMIN_CLIENT_SECRET as elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import { BASE_URL, Browser, api, person } from './people.mjs';

/** The session cookie a response set, if any. */
function browserless(response) {
  return response.setCookies.find((c) => c.startsWith('IDCRED_SESSION=') && !/Max-Age=0/i.test(c));
}

async function signIn(browser, username, password) {
  const form = await browser.get(`${BASE_URL}/signin`);
  return browser.submit(form, { username, password });
}

test('an invitation sets a password once; a used one sets nothing', async () => {
  const created = await api('POST', '/v3/identities', { name: 'Invited once', username: `inv.${Date.now()}`,
    kind: 'USER' });
  const invitation = await api('POST', `/v3/identities/${created.body.id}/invitations`, { validForHours: 1 });
  assert.equal(invitation.status, 201);
  assert.ok(new Date(invitation.body.expiresAt) > new Date());
  const browser = new Browser();
  const form = await browser.get(invitation.body.url);
  const password = 'violet tractor under the bridge';
  assert.equal((await browser.submit(form, { password, confirmation: password })).status, 200);
  const again = await browser.get(invitation.body.url);
  const second = await browser.submit(again, { password: 'another good long passphrase',
    confirmation: 'another good long passphrase' });
  assert.equal(second.status, 410);
  assert.equal((await signIn(new Browser(), created.body.username, password)).status, 302);
  const tampered = await browser.get(invitation.body.url.replace(/token=./, 'token=x'));
  assert.equal(tampered.status, 404);
});

test('a common or short password is refused with advice, and sets nothing', async () => {
  const created = await api('POST', '/v3/identities', { name: 'Weak choice', username: `weak.${Date.now()}`,
    kind: 'USER' });
  const invitation = await api('POST', `/v3/identities/${created.body.id}/invitations`, {});
  const browser = new Browser();
  for (const weak of ['password1234', 'short', 'qwertyuiopasdf']) {
    const form = await browser.get(invitation.body.url);
    const refused = await browser.submit(form, { password: weak, confirmation: weak });
    assert.equal(refused.status, 400, weak);
    assert.match(refused.text, /class="error"/);
  }
  assert.equal((await signIn(new Browser(), created.body.username, 'password1234')).status, 401);
});

test('an unknown username and a wrong password get the same answer', async () => {
  const who = await person();
  const wrong = await signIn(new Browser(), who.username, 'not the password at all');
  const unknown = await signIn(new Browser(), `nobody.${Date.now()}`, 'not the password at all');
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  const message = (page) => /<p class="error"[^>]*>([^<]*)</.exec(page.text)[1];
  assert.equal(message(wrong), message(unknown));
});

test('the tenant lockout locks an identity after its failures, and the audit trail says so', async () => {
  const config = await api('GET', '/v3/auth-org/lockout-config');
  assert.equal(config.status, 200);
  assert.deepEqual({ ...config.body, strongAuthRequiredFor: undefined },
    { maximumAttempts: 5, lockoutDuration: 15, lockoutWindow: 5, strongAuthRequiredFor: undefined });
  const who = await person();
  for (let i = 0; i < 5; i++) {
    assert.equal((await signIn(new Browser(), who.username, `wrong password number ${i}`)).status, 401);
  }
  const locked = await signIn(new Browser(), who.username, who.password);
  // Locked (401), or first held back by the per-address throttle of the same username (429): never signed in.
  assert.ok([401, 429].includes(locked.status), `the right password does not open a locked identity: ${locked.status}`);
  assert.equal(browserless(locked), undefined);
  const audit = await api('GET', `/v3/audit-events?subjectId=${who.id}`);
  assert.equal(audit.status, 200);
  assert.ok(audit.body.some((e) => e.type === 'IdentityLockedOut'), JSON.stringify(audit.body.map((e) => e.type)));
});

test('the session cookie is HttpOnly and SameSite, renewed at sign-in, and ends at sign-out', async () => {
  const who = await person();
  const browser = new Browser();
  const form = await browser.get(`${BASE_URL}/signin`);
  const before = browser.cookies.get('IDCRED_SESSION');
  const signedIn = await browser.submit(form, { username: who.username, password: who.password });
  assert.equal(signedIn.status, 302);
  const cookie = signedIn.setCookies.find((c) => c.startsWith('IDCRED_SESSION='));
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  assert.notEqual(browser.cookies.get('IDCRED_SESSION'), before);
  const account = await browser.get(`${BASE_URL}/account`);
  assert.equal(account.status, 200);
  assert.match(account.text, new RegExp(who.username.replace('.', '\\.')));
  const signedOut = await browser.submit(account, {}, '/signout');
  assert.equal(signedOut.status, 200);
  assert.equal((await browser.get(`${BASE_URL}/account`)).status, 302);
});

test('a form without its CSRF value is refused and signs no one in', async () => {
  const who = await person();
  const browser = new Browser();
  await browser.get(`${BASE_URL}/signin`);
  const forged = await browser.post(`${BASE_URL}/signin`, { username: who.username, password: who.password,
    csrf: 'x'.repeat(43) });
  assert.equal(forged.status, 403);
  assert.equal(browser.cookies.get('IDCRED_SESSION'), undefined);
});

test('an authenticator app: enrolled with a first code, asked for at sign-in; a recovery code works once', async () => {
  const who = await person();
  const browser = new Browser();
  await signIn(browser, who.username, who.password);
  const enrolment = await browser.get(`${BASE_URL}/account/authenticator`);
  assert.equal(enrolment.status, 200);
  assert.match(enrolment.text, /<svg/);
  const uri = /id="otpauth-uri">([^<]*)</.exec(enrolment.text)[1].replaceAll('&amp;', '&');
  assert.match(uri, /^otpauth:\/\/totp\//);
  const secret = new URL(uri).searchParams.get('secret');
  const confirmed = await browser.submit(enrolment, { code: await generate({ secret }) });
  assert.equal(confirmed.status, 200);
  const codes = [...confirmed.text.matchAll(/<li>([a-z2-7]{5}-[a-z2-7]{5})<\/li>/g)].map((m) => m[1]);
  assert.equal(codes.length, 10);

  const next = new Browser();
  const afterPassword = await signIn(next, who.username, who.password);
  assert.match(afterPassword.location, /\/signin\/code/);
  assert.equal((await next.get(`${BASE_URL}/account`)).status, 302, 'the password alone does not sign in');
  const codePage = await next.get(afterPassword.location);
  assert.equal((await next.submit(codePage, { code: '000000' })).status, 401);
  const withCode = await next.submit(await next.get(afterPassword.location), { code: codes[0] });
  assert.equal(withCode.status, 302);
  assert.equal((await next.get(`${BASE_URL}/account`)).status, 200);

  const third = new Browser();
  const again = await signIn(third, who.username, who.password);
  const reused = await third.submit(await third.get(again.location), { code: codes[0] });
  assert.equal(reused.status, 401, 'a recovery code works once');
});
