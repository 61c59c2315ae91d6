// OAuth 2.0 as jsforce uses it: web-server flow with PKCE, username-password login, automatic
// session refresh, and refresh-token revocation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  admin, baseUrl, connectionFromTokens, jsforce, oauth2Config, PASSWORD, passwordLogin, rejectsWith, users, webServerLogin,
  API_VERSION, connectedApp,
} from './support/sf.js';
import { authorizeInBrowser } from './support/browser.js';

describe('web-server flow with PKCE', () => {
  it('logs in on the HTML form, redirects back with code and state, and jsforce exchanges the code', async () => {
    const { tokens } = await webServerLogin();

    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(tokens.instance_url, baseUrl);
    assert.match(tokens.access_token, /^00D[0-9A-Za-z]{12}!.+/, 'access token is {15-char org id}!{opaque}');
    assert.ok(tokens.refresh_token, 'refresh_token scope yields a refresh token');
    assert.match(tokens.id, /\/id\/00D[0-9A-Za-z]{12,15}\/005[0-9A-Za-z]{12,15}$/);
    assert.match(tokens.issued_at, /^\d{13}$/, 'issued_at is epoch milliseconds as a string');
    assert.equal(tokens.expires_in, undefined, 'Salesforce sends no expires_in');
    assert.deepEqual(new Set(tokens.scope.split(' ')), new Set(['api', 'refresh_token', 'id']));
    const signature = createHmac('sha256', connectedApp.clientSecret).update(tokens.id + tokens.issued_at).digest('base64');
    assert.equal(tokens.signature, signature, 'signature = HMAC-SHA256(id + issued_at, client secret)');
  });

  it('gives a token that jsforce can use, for the user who logged in', async () => {
    const { tokens } = await webServerLogin();
    const conn = connectionFromTokens(tokens);
    const identity = await conn.identity();
    assert.equal(identity.username, users.integration);
    assert.equal(tokens.access_token.split('!')[0], identity.organization_id.slice(0, 15));
    const accounts = await conn.query('SELECT Id FROM Account LIMIT 1');
    assert.equal(accounts.records.length, 1);
  });

  it('refuses the code with a different code_verifier (PKCE S256 is verified)', async () => {
    const client = new jsforce.OAuth2(oauth2Config({ useVerifier: true }));
    const callback = await authorizeInBrowser(client.getAuthorizationUrl({ scope: 'api refresh_token', state: 's1' }), {
      username: users.integration,
      password: PASSWORD,
      redirectUri: connectedApp.redirectUri,
    });
    const impostor = new jsforce.OAuth2(oauth2Config({ useVerifier: true })); // its own, different verifier
    const err = await rejectsWith(impostor.requestToken(callback.searchParams.get('code')), 'invalid_grant');
    assert.ok(err.message.length > 0, 'an error_description is given');
  });

  it('redirects with error=access_denied and the state when the user denies (prompt=consent)', async () => {
    const client = new jsforce.OAuth2(oauth2Config({ useVerifier: true }));
    const url = client.getAuthorizationUrl({ scope: 'api refresh_token', state: 'deny-me', prompt: 'consent' });
    const callback = await authorizeInBrowser(url, {
      username: users.integration,
      password: PASSWORD,
      redirectUri: connectedApp.redirectUri,
      approve: false,
    });
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('state'), 'deny-me');
    assert.equal(callback.searchParams.get('code'), null);
  });

  it('accepts an authorization code only once', async () => {
    const { oauth2, code } = await webServerLogin();
    await rejectsWith(oauth2.requestToken(code), 'invalid_grant');
  });
});

describe('username-password login (conn.login)', () => {
  it('logs in and establishes a session on the emulator instance', async () => {
    const conn = new jsforce.Connection({ oauth2: oauth2Config(), version: API_VERSION });
    const userInfo = await conn.login(users.integration, PASSWORD);
    assert.match(userInfo.id, /^005[0-9A-Za-z]{12,15}$/);
    assert.match(userInfo.organizationId, /^00D[0-9A-Za-z]{12,15}$/);
    assert.equal(conn.instanceUrl, baseUrl);
    assert.ok(conn.accessToken.startsWith(`${userInfo.organizationId.slice(0, 15)}!`));
    const result = await conn.query('SELECT Id, Name FROM Account LIMIT 3');
    assert.equal(result.records.length, 3);
  });

  it('fails with invalid_grant / authentication failure for a wrong password', async () => {
    const conn = new jsforce.Connection({ oauth2: oauth2Config(), version: API_VERSION });
    await rejectsWith(conn.login(users.integration, 'wrong-password'), 'invalid_grant', /authentication failure/);
  });

  it('keeps orgs apart: a Globex user sees Globex, not Acme', async () => {
    const acme = await passwordLogin(users.integration);
    const globex = await passwordLogin(users.globexAdmin);
    const [a, g] = await Promise.all([acme.identity(), globex.identity()]);
    assert.notEqual(a.organization_id, g.organization_id);
    // Salesforce record ids are unique across orgs, not just within one.
    const all = { autoFetch: true, maxFetch: 1_000_000 };
    const acmeIds = new Set((await acme.query('SELECT Id FROM Account', all)).records.map((r) => r.Id));
    const globexIds = (await globex.query('SELECT Id FROM Account', all)).records.map((r) => r.Id);
    const shared = globexIds.filter((id) => acmeIds.has(id));
    assert.deepEqual(shared.slice(0, 5), [], `${shared.length} Account ids exist in both orgs`);
  });
});

describe('automatic session refresh', () => {
  it('refreshes after expire-sessions: the next query succeeds and the refresh event fires', async () => {
    const { tokens } = await webServerLogin();
    const conn = connectionFromTokens(tokens);
    await conn.query('SELECT Id FROM Lead LIMIT 1');

    const refreshed = [];
    conn.on('refresh', (accessToken) => refreshed.push(accessToken));
    await admin('faults/expire-sessions', { username: users.integration }, { expectStatus: 204 });

    // The old session really is dead, with Salesforce's 401 body.
    const dead = await fetch(`${baseUrl}/services/data/v${API_VERSION}/limits`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    assert.equal(dead.status, 401);
    assert.deepEqual((await dead.json()).map((e) => e.errorCode), ['INVALID_SESSION_ID']);

    const result = await conn.query('SELECT Id FROM Lead LIMIT 1');
    assert.equal(result.records.length, 1);
    assert.equal(refreshed.length, 1, 'jsforce emitted exactly one refresh event');
    assert.notEqual(refreshed[0], tokens.access_token);
    assert.equal(conn.accessToken, refreshed[0]);
    assert.equal(conn.refreshToken, tokens.refresh_token, 'without rotation the refresh token is kept');
  });
});

describe('logout (OAuth2#revokeToken)', () => {
  async function status(token) {
    const res = await fetch(`${baseUrl}/services/data/v${API_VERSION}/sobjects`, { headers: { authorization: `Bearer ${token}` } });
    return res.status;
  }

  it('conn.logout() revokes the access token; the refresh token still works', async () => {
    const { oauth2, tokens } = await webServerLogin();
    const conn = connectionFromTokens(tokens);
    await conn.logout();
    assert.equal(conn.accessToken, null);
    assert.equal(await status(tokens.access_token), 401);
    const renewed = await oauth2.refreshToken(tokens.refresh_token);
    assert.equal(await status(renewed.access_token), 200);
  });

  it('conn.logout(true) revokes the refresh token and the sessions issued from it', async () => {
    const { oauth2, tokens } = await webServerLogin();
    const conn = connectionFromTokens(tokens);
    await conn.logout(true);
    assert.equal(await status(tokens.access_token), 401);
    await rejectsWith(oauth2.refreshToken(tokens.refresh_token), 'invalid_grant');
  });
});

describe('refresh-token revocation', () => {
  it('answers invalid_grant / expired access/refresh token after revoke-refresh-tokens', async () => {
    const { oauth2, tokens } = await webServerLogin();
    const renewed = await oauth2.refreshToken(tokens.refresh_token);
    assert.ok(renewed.access_token, 'the refresh token works before revocation');
    assert.equal(renewed.refresh_token, undefined, 'no new refresh token without rotation');

    await admin('faults/revoke-refresh-tokens', { username: users.integration }, { expectStatus: 204 });
    await rejectsWith(oauth2.refreshToken(tokens.refresh_token), 'invalid_grant', /expired access\/refresh token/);
  });

  it('makes a connection whose session also expired fail instead of looping', async () => {
    const { tokens } = await webServerLogin();
    const conn = connectionFromTokens(tokens);
    await admin('faults/revoke-refresh-tokens', { username: users.integration }, { expectStatus: 204 });
    await admin('faults/expire-sessions', { username: users.integration }, { expectStatus: 204 });
    // jsforce wraps the token endpoint's invalid_grant in its own refresh error.
    const err = await conn.query('SELECT Id FROM Account LIMIT 1').then(() => null, (e) => e);
    assert.ok(err, 'the query must fail');
    assert.match(err.message, /Unable to refresh session due to: expired access\/refresh token/);
  });
});
