// Shared fixtures: the emulator under test, the demo seed's credentials, and small helpers that
// use jsforce the way an application would (nothing here talks to the emulator in a way jsforce
// would not, except the admin API and the browser-like login-form driver).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import jsforce from 'jsforce';
import { startEmulator } from './emulator.js';
import { authorizeInBrowser } from './browser.js';

// One emulator per run (the runner sets SF_EMULATOR_URL); a test file run on its own starts its own.
async function resolveBaseUrl() {
  if (process.env.SF_EMULATOR_URL) return process.env.SF_EMULATOR_URL.replace(/\/$/, '');
  const emulator = await startEmulator();
  process.once('beforeExit', () => emulator.stop());
  return emulator.url;
}
export const baseUrl = await resolveBaseUrl();

// Connections pin a current version (issue 2 promises v58.0–v62.0 at least); jsforce's own
// default, 50.0, is checked separately in describe.test.js.
export const API_VERSION = '62.0';

export const PASSWORD = 'Passw0rd!';
export const users = Object.freeze({
  admin: 'admin@acme.example',
  integration: 'integration@acme.example',
  noLeads: 'noleads@acme.example',
  globexAdmin: 'admin@globex.example',
});
export const connectedApp = Object.freeze({
  clientId: 'crosswalk-local',
  clientSecret: 'crosswalk-local-secret',
  // Nothing listens here: the driver stops at the redirect and reads code/state from it.
  redirectUri: 'http://127.0.0.1:53682/oauth/callback',
});

export function oauth2Config(extra = {}) {
  return { loginUrl: baseUrl, ...connectedApp, ...extra };
}

/** A jsforce connection logged in with the OAuth 2.0 username-password flow (`conn.login`). */
export async function passwordLogin(username = users.integration, password = PASSWORD) {
  const conn = new jsforce.Connection({ oauth2: oauth2Config(), version: API_VERSION });
  await conn.login(username, password);
  return conn;
}

/**
 * The web-server flow as a real app does it: jsforce builds the authorization URL (with a PKCE
 * challenge, `useVerifier`), a "browser" logs in on the emulator's HTML form and approves, and
 * jsforce exchanges the code (`OAuth2#requestToken`, sending the code_verifier).
 */
export async function webServerLogin({ username = users.integration, password = PASSWORD, scope = 'api refresh_token id', loginUrl = baseUrl } = {}) {
  const oauth2 = new jsforce.OAuth2(oauth2Config({ useVerifier: true, loginUrl }));
  const state = randomBytes(12).toString('hex');
  const authorizationUrl = oauth2.getAuthorizationUrl({ scope, state });
  const callback = await authorizeInBrowser(authorizationUrl, {
    username,
    password,
    redirectUri: connectedApp.redirectUri,
  });
  assert.equal(callback.searchParams.get('state'), state, 'state is echoed on the callback');
  const code = callback.searchParams.get('code');
  assert.ok(code, `callback carries a code: ${callback}`);
  const tokens = await oauth2.requestToken(code, { code_verifier: oauth2.codeVerifier });
  return { oauth2, tokens, code, state };
}

/** A connection built from stored tokens, able to refresh itself (as a server app keeps one). */
export function connectionFromTokens(tokens, loginUrl = baseUrl) {
  return new jsforce.Connection({
    oauth2: oauth2Config({ loginUrl }),
    instanceUrl: tokens.instance_url,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    version: API_VERSION,
  });
}

/** POST to the emulator's admin/fault API; asserts the expected status. */
export async function admin(pathSuffix, body, { expectStatus = [200, 201, 204], method = 'POST' } = {}) {
  const res = await fetch(`${baseUrl}/_emulator/${pathSuffix.replace(/^\//, '')}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const allowed = Array.isArray(expectStatus) ? expectStatus : [expectStatus];
  assert.ok(allowed.includes(res.status), `${method} /_emulator/${pathSuffix} answered ${res.status}: ${text}`);
  return text ? safeJson(text) : undefined;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Awaits a rejected jsforce call and checks Salesforce's error code (jsforce puts it in errorCode/name). */
export async function rejectsWith(promise, errorCode, messagePattern) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected the call to fail with ${errorCode}, but it succeeded`);
  assert.equal(error.errorCode ?? error.name, errorCode, `error was ${error.name}: ${error.message}`);
  if (messagePattern) assert.match(error.message, messagePattern);
  return error;
}

/** A marker unique to this run, so records created by different runs never collide. */
export const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export { jsforce };
