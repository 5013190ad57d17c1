import { STEP_URL } from '../support.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADDRESS_MAX_LENGTH } from '../../src/rules.ts';
import { MSG } from '../../src/messages.ts';
import { alertOf, buttons, expectRedirect, labels, page, person, startAt, valueOf } from './lateSteps.ts';

const URL = STEP_URL.details;

describe('고객정보 확인', () => {
  it("shows heading 고객정보 확인 with 이메일 and 주소 holding the customer's values, and 다음", async () => {
    const s = startAt('details');
    const { status, html } = await page(s.b.get(URL));
    assert.equal(status, 200);
    assert.match(html, /<h2>고객정보 확인<\/h2>/);
    assert.deepEqual(labels(html), ['이메일', '주소']);
    assert.equal(valueOf(html, 'email'), person().email);
    assert.equal(valueOf(html, 'address'), person().address);
    assert.deepEqual(buttons(html), ['다음']);
    assert.match(html, /<li class="current" aria-current="step">계좌\/보안매체 인증<\/li>/);
  });

  it('edited values are saved on the customer, and the flow moves on to the cloud step', async () => {
    const s = startAt('details');
    const edited = { email: 'new.mail@example.org', address: '부산광역시 남구 문현금융로 40' };
    await expectRedirect(await s.b.post(URL, edited), STEP_URL.cloud);
    assert.equal(s.customer.email, edited.email);
    assert.equal(s.customer.address, edited.address);
    assert.equal(s.flow.step, 'cloud');
    assert.equal((await s.b.get(STEP_URL.cloud)).status, 200);
    // Back on this screen, the edited values show.
    const again = await page(s.b.get(URL));
    assert.equal(valueOf(again.html, 'email'), edited.email);
  });

  for (const [why, fields, message] of [
    ['an e-mail without @', { email: 'minjun.example.com', address: '서울' }, MSG.emailFormat],
    ['an empty e-mail', { email: '', address: '서울' }, MSG.emailFormat],
    ['an empty address', { email: 'a@example.com', address: '   ' }, MSG.addressRequired],
    [
      'an address too long',
      { email: 'a@example.com', address: '가'.repeat(ADDRESS_MAX_LENGTH + 1) },
      MSG.addressTooLong(ADDRESS_MAX_LENGTH),
    ],
  ] as const) {
    it(`${why} → 400 with its message, typed values kept, nothing saved`, async () => {
      const s = startAt('details');
      const { status, html } = await page(s.b.post(URL, fields));
      assert.equal(status, 400);
      assert.equal(alertOf(html), message);
      assert.equal(valueOf(html, 'email') ?? '', fields.email);
      assert.equal(s.customer.email, person().email);
      assert.equal(s.customer.address, person().address);
      assert.equal(s.flow.step, 'details');
    });
  }

  it(`an address of exactly ${ADDRESS_MAX_LENGTH} characters is accepted`, async () => {
    const s = startAt('details');
    await expectRedirect(
      await s.b.post(URL, { email: 'a@example.com', address: '가'.repeat(ADDRESS_MAX_LENGTH) }),
      STEP_URL.cloud,
    );
  });

  it('is refused before the medium was passed', async () => {
    const s = startAt('account');
    await expectRedirect(await s.b.get(URL), STEP_URL.account);
    await expectRedirect(await s.b.post(URL, { email: 'a@example.com', address: '서울' }), STEP_URL.account);
    assert.equal(s.customer.email, person().email);
  });
});
