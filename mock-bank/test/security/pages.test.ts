// What a page gives away (issue 6): the session cookie is out of scripts' reach and not sent by other
// sites' forms, and a customer's own data holding markup is shown as text on every screen that shows it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SESSION_COOKIE } from '../../src/rules.ts';
import { browser, makeBank, STEP_URL } from '../support.ts';
import { expectRedirect, page, person, startAt, type Started } from '../screens/lateSteps.ts';

describe(`the session cookie ${SESSION_COOKIE}`, () => {
  it('is HttpOnly, SameSite=Lax and for the whole site, from the first page on', async () => {
    const res = await browser(makeBank().app).get('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=[^;]+;`));
    const attributes = cookie
      .split(';')
      .slice(1)
      .map((part) => part.trim().toLowerCase());
    assert.ok(attributes.includes('httponly'), cookie);
    assert.ok(attributes.includes('samesite=lax'), cookie);
    assert.ok(attributes.includes('path=/'), cookie);
  });
});

/** A name and an address that would run a script if put in the page unescaped. */
const MARKUP = {
  name: '<script>alert("name")</script>',
  address: '<img src=x onerror="alert(1)">서울',
};
const ESCAPED = {
  name: '&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;',
  address: '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;서울',
};

function assertShownAsText(html: string, what: keyof typeof MARKUP, where: string): void {
  assert.ok(!html.includes(MARKUP[what]), `${where}: the ${what} is in the page as markup`);
  assert.ok(html.includes(ESCAPED[what]), `${where}: the ${what} is shown as text`);
}

function atStep(step: Parameters<typeof startAt>[0]): Started {
  return startAt(step, person(MARKUP));
}

describe('a customer whose name and address hold markup', () => {
  it('고객정보 확인 shows the address as text', async () => {
    const s = atStep('details');
    assertShownAsText((await page(s.b.get(STEP_URL.details))).html, 'address', '고객정보 확인');
  });

  it('the cloud step echoes a typed name as text when it refuses the details', async () => {
    const s = atStep('cloud');
    const refused = await page(s.b.post(STEP_URL.cloud, { name: MARKUP.name, phone: s.customer.phone }));
    assert.equal(refused.status, 400);
    assertShownAsText(refused.html, 'name', 'cloud step');
  });

  it('the completion page and the phone’s 발급완료 SMS show the owner’s name as text', async () => {
    const s = atStep('password');
    await expectRedirect(
      await s.b.post(STEP_URL.password, { pin: '583926', pinConfirm: '583926' }),
      STEP_URL.complete,
    );
    assertShownAsText((await page(s.b.get(STEP_URL.complete))).html, 'name', 'completion');
    assertShownAsText((await page(s.b.get(`/phone/${s.customer.phone}`))).html, 'name', 'phone page');
  });

  it('the header shows the logged-in name as text', async () => {
    const s = atStep('identity');
    const b = browser(s.app);
    await expectRedirect(
      await b.post('/login', { userId: s.customer.userId, password: s.customer.loginPassword }),
      '/',
    );
    assertShownAsText((await page(b.get('/'))).html, 'name', 'header');
  });
});
