// Helpers for tests in which people sign in: the admin's API calls, and a browser without a browser (fetch with a
// cookie jar that follows nothing by itself), so each redirect of a sign-in can be looked at.
import assert from 'node:assert/strict';

export const BASE_URL = process.env.BASE_URL || 'http://localhost:8080';
const ADMIN = { id: process.env.ADMIN_CLIENT_ID, secret: process.env.ADMIN_CLIENT_SECRET };

export async function adminToken() {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: ADMIN.id, client_secret: ADMIN.secret });
  const response = await fetch(`${BASE_URL}/oauth/token`, { method: 'POST', body: form });
  assert.equal(response.status, 200);
  return (await response.json()).access_token;
}

export async function api(method, path, body, token) {
  const response = await fetch(BASE_URL + path, {
    method,
    headers: { authorization: `Bearer ${token || (await adminToken())}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A person with a username, the given levels and a password chosen through their invitation. */
export async function person(levels = [], password = `correct horse battery staple ${Math.random()}`) {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  const username = `person.${run}`;
  const created = await api('POST', '/v3/identities', { name: `Person ${run}`, username, kind: 'USER' });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.id;
  if (levels.length > 0) {
    const granted = await api('PATCH', `/v3/auth-users/${id}`, [{ op: 'replace', path: '/capabilities', value: levels }]);
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
  }
  const invitation = await api('POST', `/v3/identities/${id}/invitations`, {});
  assert.equal(invitation.status, 201);
  const browser = new Browser();
  const form = await browser.get(invitation.body.url);
  assert.equal(form.status, 200);
  const done = await browser.submit(form, { password, confirmation: password });
  assert.equal(done.status, 200, done.text);
  return { id, username, password, name: `Person ${run}` };
}

/** An API client registered for people to sign in to. */
export async function registeredClient(settings) {
  const created = await api('POST', '/v3/oauth-clients', {
    name: `App ${Date.now().toString(36)}`, description: 'An app people sign in to', accessTokenValiditySeconds: 900,
    accessType: 'OFFLINE', enabled: true, ...settings,
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return created.body;
}

/** Cookies, the last page, and its forms; redirects are returned, not followed. */
export class Browser {
  constructor() {
    this.cookies = new Map();
  }

  async get(url) {
    return this.#request(url, { method: 'GET' });
  }

  async post(url, fields) {
    return this.#request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Posts a form of the page (its first, or the one whose action is `which`) with its hidden fields and these values. */
  async submit(page, values, which) {
    const all = forms(page.text);
    const form = which === undefined ? all[0] : all.find((f) => f.action === which);
    assert.ok(form, `no form on the page: ${page.text.slice(0, 300)}`);
    return this.post(new URL(form.action || page.url, page.url).toString(), { ...form.hidden, ...values });
  }

  /** Follows redirects within the service, stopping at the first page or at a redirect elsewhere. */
  async follow(response) {
    let current = response;
    for (let hops = 0; hops < 10 && current.location && current.location.startsWith(BASE_URL); hops++) {
      current = await this.get(current.location);
    }
    return current;
  }

  async #request(url, init) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers || {}), cookie } });
    for (const set of response.headers.getSetCookie()) {
      const [pair, ...attributes] = set.split(';');
      const [name, ...value] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    return {
      url,
      status: response.status,
      headers: response.headers,
      setCookies: response.headers.getSetCookie(),
      location: location ? new URL(location, url).toString() : null,
      text: await response.text(),
    };
  }
}

/** The page's forms: their action and hidden fields. */
export function forms(html) {
  const found = [];
  for (const match of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const action = /action="([^"]*)"/.exec(match[1]);
    const hidden = {};
    for (const input of match[2].matchAll(/<input type="hidden"[^>]*?name="([^"]*)"[^>]*?value="([^"]*)"/g)) {
      hidden[decode(input[1])] = decode(input[2]);
    }
    found.push({ action: action ? decode(action[1]) : null, hidden });
  }
  return found;
}

function decode(text) {
  return text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

/**
 * Signs the person in at the sign-in page the authorization request led to, and answers where the service sent the
 * browser next (after consent, if asked).
 */
export async function signInAndConsent(browser, authorizationUrl, who, { approve = true, code } = {}) {
  let page = await browser.get(authorizationUrl);
  assert.equal(page.status, 302);
  assert.ok(page.location.startsWith(`${BASE_URL}/signin`), page.location);
  page = await browser.get(page.location);
  page = await browser.submit(page, { username: who.username, password: who.password });
  assert.equal(page.status, 302, page.text);
  if (page.location.includes('/signin/code')) {
    page = await browser.get(page.location);
    page = await browser.submit(page, { code: await code() });
    assert.equal(page.status, 302, page.text);
  }
  page = await browser.follow(page);
  if (page.status === 200 && page.text.includes('name="decision"')) {
    page = await browser.submit(page, { decision: approve ? 'approve' : 'deny' });
  }
  assert.equal(page.status, 302, page.text);
  return page.location;
}
