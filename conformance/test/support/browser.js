// A tiny "browser" for the OAuth authorize step: follows redirects by hand, keeps cookies, reads
// the HTML forms the emulator serves (login, then consent if any) and submits them like a user
// would, and stops at the redirect to the app's callback. Deliberately generic: it knows no field
// names beyond "the text/email input" and "the password input", so it tests the page, not a
// copy of the emulator's template.

const MAX_STEPS = 12;

export async function authorizeInBrowser(startUrl, { username, password, redirectUri, approve = true }) {
  const cookies = new Map();
  const trail = [];
  let request = { url: new URL(startUrl), method: 'GET', body: undefined };
  let submittedLogin = false;

  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (request.url.href.startsWith(redirectUri)) return request.url;
    trail.push(`${request.method} ${request.url.pathname}`);
    const headers = { accept: 'text/html' };
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (request.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(request.url, { method: request.method, headers, body: request.body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie?.() ?? []) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await res.text();

    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      if (!location) throw new Error(`${res.status} without Location after ${trail.join(' → ')}`);
      request = { url: new URL(location, request.url), method: 'GET', body: undefined };
      continue;
    }
    if (res.status !== 200) {
      throw new Error(`authorize step answered ${res.status} after ${trail.join(' → ')}: ${snippet(text)}`);
    }

    const forms = parseForms(text, request.url);
    const loginForm = forms.find((f) => f.inputs.some((i) => i.type === 'password'));
    if (loginForm) {
      if (submittedLogin) throw new Error(`login form shown again after submitting it (bad credentials?): ${snippet(text)}`);
      submittedLogin = true;
      const userField = loginForm.inputs.find((i) => ['text', 'email'].includes(i.type) && i.name);
      const passField = loginForm.inputs.find((i) => i.type === 'password');
      if (!userField) throw new Error(`login form has no username input: ${snippet(text)}`);
      const fields = formFields(loginForm, { [userField.name]: username, [passField.name]: password });
      request = submit(loginForm, fields);
      continue;
    }
    // Consent (or any other interstitial): press the button that approves.
    const choice = pickSubmit(forms, approve);
    if (!choice) throw new Error(`page has neither a login form nor an approve button: ${snippet(text)}`);
    const extra = choice.button?.name ? { [choice.button.name]: choice.button.value ?? '' } : {};
    request = submit(choice.form, formFields(choice.form, extra));
  }
  throw new Error(`no redirect to ${redirectUri} after ${MAX_STEPS} steps: ${trail.join(' → ')}`);
}

function submit(form, fields) {
  const body = new URLSearchParams(fields).toString();
  if (form.method === 'GET') {
    const url = new URL(form.action);
    url.search = body;
    return { url, method: 'GET', body: undefined };
  }
  return { url: new URL(form.action), method: 'POST', body };
}

/** Successful controls as a browser would send them (hidden + filled text inputs, no buttons). */
function formFields(form, overrides) {
  const fields = [];
  for (const input of form.inputs) {
    if (!input.name || ['submit', 'button', 'image', 'reset'].includes(input.type)) continue;
    if (['checkbox', 'radio'].includes(input.type) && !input.checked) continue;
    if (input.name in overrides) continue;
    fields.push([input.name, input.value ?? '']);
  }
  for (const [k, v] of Object.entries(overrides)) fields.push([k, v]);
  return fields;
}

const APPROVE = /allow|approve|accept|authori[sz]e|confirm|continue|yes/i;
const DENY = /deny|reject|cancel|decline|no\b/i;

function pickSubmit(forms, approve) {
  const want = approve ? APPROVE : DENY;
  for (const form of forms) {
    for (const button of form.buttons) {
      if (want.test(`${button.value ?? ''} ${button.text ?? ''} ${button.name ?? ''}`)) return { form, button };
    }
  }
  // A form with a single submit control and no choice to make.
  if (approve && forms.length === 1 && forms[0].buttons.length <= 1) return { form: forms[0], button: forms[0].buttons[0] };
  return null;
}

export function parseForms(html, pageUrl) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = parseAttrs(m[1]);
    const inner = m[2];
    const inputs = [];
    const buttons = [];
    for (const im of inner.matchAll(/<input\b([^>]*)>/gi)) {
      const a = parseAttrs(im[1]);
      const input = { name: a.name, type: (a.type ?? 'text').toLowerCase(), value: a.value, checked: 'checked' in a };
      inputs.push(input);
      if (['submit', 'image'].includes(input.type)) buttons.push({ name: a.name, value: a.value, text: a.value });
    }
    for (const bm of inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
      const a = parseAttrs(bm[1]);
      if ((a.type ?? 'submit').toLowerCase() !== 'submit') continue;
      buttons.push({ name: a.name, value: a.value, text: decode(bm[2].replace(/<[^>]*>/g, '').trim()) });
    }
    forms.push({
      action: new URL(attrs.action ?? '', pageUrl).href,
      method: (attrs.method ?? 'GET').toUpperCase(),
      inputs,
      buttons,
    });
  }
  return forms;
}

function parseAttrs(source) {
  const attrs = {};
  for (const m of source.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function decode(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function snippet(text) {
  return text.replace(/\s+/g, ' ').slice(0, 400);
}
