// The two front doors (spec §1): internet banking's 인증센터 and KB스타뱅킹's menu path, login, and the
// logged-out rule of the flow's start link.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MSG } from '../../src/messages.ts';
import { createCustomer } from '../../src/services/customers.ts';
import { browser, makeBank, sessionOf } from '../support.ts';
import { alertOf, alerts, buttons, expectRedirect, links, page, person, valueOf } from './lateSteps.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The href of the one link named exactly `name`. */
function hrefOf(html: string, name: string): string {
  const found = [
    ...html.matchAll(new RegExp(`<a [^>]*href="([^"]*)"[^>]*>\\s*${escapeRegExp(name)}\\s*</a>`, 'g')),
  ];
  assert.equal(found.length, 1, `one link named ${name}`);
  return found[0]![1]!;
}

/** Where the button named `name` goes: its form's method, action and hidden fields. */
function formOf(
  html: string,
  name: string,
): { method: string; action: string; hidden: Record<string, string> } {
  const forms = [...html.matchAll(/<form ([^>]*)>([\s\S]*?)<\/form>/g)].filter((m) =>
    new RegExp(`<button [^>]*>\\s*${escapeRegExp(name)}\\s*</button>`).test(m[2]!),
  );
  assert.equal(forms.length, 1, `one form holds the button ${name}`);
  const [, attrs, inner] = forms[0]!;
  const hidden = Object.fromEntries(
    [...inner!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  return {
    method: /method="([^"]*)"/.exec(attrs!)?.[1] ?? 'get',
    action: /action="([^"]*)"/.exec(attrs!)?.[1] ?? '',
    hidden,
  };
}

function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>([^<]*)<\/h\1>/g)].map((m) => m[2]!.trim());
}

/** A bank with one customer who can log in. */
function bankWithCustomer() {
  const tb = makeBank();
  const created = createCustomer(tb.bank, person({ loginPassword: 'secret-pw-1' }));
  assert.ok(created.ok);
  return { ...tb, customer: created.customer };
}

async function logIn(b: ReturnType<typeof browser>, userId: string, password: string) {
  return b.post('/login', { userId, password });
}

describe('internet banking door', () => {
  it('GET / answers 200 with header links 인증센터 and 로그인', async () => {
    const { app } = makeBank();
    const { status, html } = await page(browser(app).get('/'));
    assert.equal(status, 200);
    assert.equal(hrefOf(html, '인증센터'), '/certcenter');
    assert.equal(hrefOf(html, '로그인'), '/login');
    assert.ok(!buttons(html).includes('로그아웃'));
  });

  it('인증센터 links to issuance, renewal and 아이디찾기', async () => {
    const { app } = makeBank();
    const { status, html } = await page(browser(app).get('/certcenter'));
    assert.equal(status, 200);
    assert.ok(headings(html).includes('인증센터'));
    assert.equal(hrefOf(html, '금융인증서 발급/재발급'), '/fincert/issue');
    assert.equal(hrefOf(html, '금융인증서 갱신'), '/renewal');
    assert.equal(hrefOf(html, '아이디찾기'), '/id-lookup');
  });
});

describe('KB스타뱅킹 door', () => {
  it('follows the seed path 전체메뉴 → 인증/보안 → 다른 인증수단 → 금융인증서 region → 인증서 발급/재발급', async () => {
    const { app } = makeBank();
    const b = browser(app);
    const home = await page(b.get('/app'));
    assert.equal(home.status, 200);
    assert.deepEqual(formOf(home.html, '전체메뉴'), { method: 'get', action: '/app/menu', hidden: {} });

    const menu = await page(b.get('/app/menu'));
    assert.equal(menu.status, 200);
    assert.equal(hrefOf(menu.html, '인증/보안'), '/app/security');

    const security = await page(b.get('/app/security'));
    assert.equal(security.status, 200);
    assert.deepEqual(formOf(security.html, '다른 인증수단'), {
      method: 'get',
      action: '/app/security/other',
      hidden: {},
    });

    const other = await page(b.get('/app/security/other'));
    assert.equal(other.status, 200);
    assert.ok(headings(other.html).includes('인증서'));
    // A <section> named by its heading 금융인증서 (role region), holding the link.
    const region = /<section aria-labelledby="([^"]+)">([\s\S]*?)<\/section>/.exec(other.html);
    assert.ok(region, 'a labelled section');
    assert.match(region[2]!, new RegExp(`<h[1-6] id="${region[1]}">금융인증서</h[1-6]>`));
    assert.equal(hrefOf(region[2]!, '인증서 발급/재발급'), '/app/fincert');
    assert.ok(headings(other.html).indexOf('인증서') < headings(other.html).indexOf('금융인증서'));
  });

  it('금융인증서 발급 starts the flow from the app door', async () => {
    const tb = makeBank();
    const b = browser(tb.app);
    const choice = await page(b.get('/app/fincert'));
    assert.equal(choice.status, 200);
    const issue = formOf(choice.html, '금융인증서 발급');
    assert.deepEqual(issue, { method: 'get', action: '/fincert/issue', hidden: { door: 'app' } });

    await expectRedirect(await b.get(`${issue.action}?door=${issue.hidden.door}`), '/fincert/issue/terms');
    assert.equal(sessionOf(tb.bank, b)?.flow?.door, 'app');
    const terms = await page(b.get('/fincert/issue/terms'));
    assert.match(terms.html, /<body class="door-app">/);
  });

  it('KB국민인증서 발급 explains the difference and does not start the flow', async () => {
    const tb = makeBank();
    const b = browser(tb.app);
    const choice = await page(b.get('/app/fincert'));
    const kb = formOf(choice.html, 'KB국민인증서 발급');
    assert.deepEqual(kb, { method: 'get', action: '/app/fincert', hidden: { info: 'kb' } });
    assert.doesNotMatch(choice.html, /정부24/);

    const info = await page(b.get(`${kb.action}?info=${kb.hidden.info}`));
    assert.equal(info.status, 200);
    const notice = /<p role="status"[^>]*>([^<]*)</.exec(info.html)?.[1] ?? '';
    assert.match(notice, /KB국민인증서는 KB국민은행 전용/);
    for (const place of ['정부24', '홈택스', '청약홈', '모든 은행']) assert.ok(notice.includes(place), place);
    // Both choices stay on screen; no flow was started.
    assert.ok(buttons(info.html).includes('금융인증서 발급'));
    assert.equal(sessionOf(tb.bank, b)?.flow, undefined);
  });
});

describe('login and logout', () => {
  it('shows the login form', async () => {
    const { app } = makeBank();
    const { status, html } = await page(browser(app).get('/login'));
    assert.equal(status, 200);
    assert.match(html, /<label for="[^"]+">사용자ID<\/label>/);
    assert.match(html, /<label for="[^"]+">비밀번호<\/label>/);
    assert.match(html, /<input [^>]*name="password" type="password"/);
    assert.deepEqual(formOf(html, '로그인').method, 'post');
  });

  it('a wrong password answers 400 with the alert, keeps the ID and clears the password', async () => {
    const tb = bankWithCustomer();
    const b = browser(tb.app);
    const { status, html } = await page(logIn(b, tb.customer.userId, 'wrong-password'));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.loginFailed);
    assert.equal(valueOf(html, 'userId'), tb.customer.userId);
    assert.equal(valueOf(html, 'password'), undefined);
    assert.equal(sessionOf(tb.bank, b)?.userId, undefined);
  });

  it('an unknown or malformed ID is refused without a crash', async () => {
    const tb = bankWithCustomer();
    const b = browser(tb.app);
    const unknown = await page(logIn(b, 'nobody123', 'secret-pw-1'));
    assert.equal(unknown.status, 400);
    assert.equal(alertOf(unknown.html), MSG.loginFailed);
    const malformed = await page(logIn(b, '1<script>', ''));
    assert.equal(malformed.status, 400);
    assert.equal(alertOf(malformed.html), MSG.userIdFormat);
    assert.doesNotMatch(malformed.html, /1<script>/);
    const empty = await page(b.post('/login'));
    assert.equal(empty.status, 400);
  });

  it('the right password logs in: the header shows the name and 로그아웃; logout brings 로그인 back', async () => {
    const tb = bankWithCustomer();
    const b = browser(tb.app);
    await expectRedirect(await logIn(b, tb.customer.userId, 'secret-pw-1'), '/');
    assert.equal(sessionOf(tb.bank, b)?.userId, tb.customer.userId);

    for (const path of ['/', '/certcenter', '/app']) {
      const { html } = await page(b.get(path));
      assert.ok(html.includes(tb.customer.name), `name on ${path}`);
      assert.equal(formOf(html, '로그아웃').action, '/logout');
      assert.ok(!links(html).includes('로그인'), `no 로그인 link on ${path}`);
    }

    await expectRedirect(await b.post('/logout'), '/');
    const after = await page(b.get('/'));
    assert.equal(hrefOf(after.html, '로그인'), '/login');
    assert.ok(!after.html.includes(tb.customer.name));
  });

  it('logging out from the app goes back to the app', async () => {
    const tb = bankWithCustomer();
    const b = browser(tb.app);
    await logIn(b, tb.customer.userId, 'secret-pw-1');
    const res = await tb.app.request('/logout', {
      method: 'POST',
      headers: { cookie: b.cookie, referer: 'http://bank.test/app/menu' },
      redirect: 'manual',
    });
    await expectRedirect(res, '/app');
  });
});

describe('logged-out rule (seed)', () => {
  it('starting the flow logs a logged-in customer out, and 약관동의 says so once', async () => {
    const tb = bankWithCustomer();
    const b = browser(tb.app);
    await logIn(b, tb.customer.userId, 'secret-pw-1');

    await expectRedirect(await b.get('/fincert/issue'), '/fincert/issue/terms');
    assert.equal(sessionOf(tb.bank, b)?.userId, undefined);

    const terms = await page(b.get('/fincert/issue/terms'));
    assert.equal(terms.status, 200);
    assert.match(terms.html, /<p role="status"[^>]*>[^<]*로그아웃 상태에서만[^<]*</);
    assert.deepEqual(alerts(terms.html), []);

    const again = await page(b.get('/fincert/issue/terms'));
    assert.doesNotMatch(again.html, /로그아웃 상태에서만/);
    const home = await page(b.get('/'));
    assert.equal(hrefOf(home.html, '로그인'), '/login');
  });

  it('a logged-out start shows no logout notice', async () => {
    const tb = bankWithCustomer();
    const b = browser(tb.app);
    await b.get('/fincert/issue');
    const terms = await page(b.get('/fincert/issue/terms'));
    assert.doesNotMatch(terms.html, /로그아웃 상태에서만/);
  });

  it('the start link always begins a new flow at 약관동의', async () => {
    const tb = bankWithCustomer();
    const b = browser(tb.app);
    await b.get('/fincert/issue');
    await b.post('/fincert/issue/terms', { all: 'on' });
    const first = sessionOf(tb.bank, b)?.flow;
    assert.equal(first?.step, 'userInfo');

    await expectRedirect(await b.get('/fincert/issue'), '/fincert/issue/terms');
    const second = sessionOf(tb.bank, b)?.flow;
    assert.notEqual(second?.id, first?.id);
    assert.equal(second?.step, 'terms');
    assert.equal(second?.door, 'web');
  });
});
