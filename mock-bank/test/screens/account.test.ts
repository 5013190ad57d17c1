import { STEP_URL } from '../support.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_LIMITS } from '../../src/rules.ts';
import { otpCode } from '../../src/domain/otp.ts';
import { MSG } from '../../src/messages.ts';
import {
  ACCOUNT,
  alertOf,
  alerts,
  buttons,
  CARD_CODES,
  expectRedirect,
  labels,
  links,
  OTP_SECRET,
  page,
  person,
  startAt,
  steppingRandom,
  valueOf,
  type Started,
} from './lateSteps.ts';

const ACCOUNT_URL = STEP_URL.account;
const MEDIUM_URL = `${STEP_URL.account}/medium`;
const CHOICE_BUTTONS = ['보안카드/OTP로 인증하기', 'KB모바일인증서로 인증하기'];
const KB_PIN = '135790';

type Choice = 'securityCardOtp' | 'kbMobileCert';

function submitAccount(s: Pick<Started, 'b'>, medium: Choice, over: Partial<typeof ACCOUNT> = {}) {
  const { number, password } = { ...ACCOUNT, ...over };
  return s.b.post(ACCOUNT_URL, { accountNumber: number, accountPassword: password, medium });
}

/** Passes the account check and returns the medium screen's HTML. */
async function chooseMedium(s: Pick<Started, 'b'>, medium: Choice): Promise<string> {
  await expectRedirect(await submitAccount(s, medium), ACCOUNT_URL);
  const shown = await page(s.b.get(ACCOUNT_URL));
  assert.equal(shown.status, 200);
  return shown.html;
}

/** The right halves for the two positions the card screen asks. */
function cardAnswer(html: string): { cardFront: string; cardBack: string; asked: string } {
  const front = /\[(\d{2})\]번 앞 2자리/.exec(html);
  const back = /\[(\d{2})\]번 뒤 2자리/.exec(html);
  assert.ok(front && back, 'the card screen asks two positions');
  assert.notEqual(front[1], back[1], 'two different positions');
  return {
    cardFront: CARD_CODES[Number(front[1]) - 1]!.slice(0, 2),
    cardBack: CARD_CODES[Number(back[1]) - 1]!.slice(2, 4),
    asked: `${front[1]}/${back[1]}`,
  };
}

describe('계좌/보안매체 인증: the account form', () => {
  it('shows 출금계좌번호, 계좌비밀번호 (masked) and the two choice buttons', async () => {
    const s = startAt('account');
    const { status, html } = await page(s.b.get(ACCOUNT_URL));
    assert.equal(status, 200);
    assert.deepEqual(labels(html), ['출금계좌번호', '계좌비밀번호']);
    assert.match(html, /name="accountPassword" type="password"/);
    assert.deepEqual(buttons(html), CHOICE_BUTTONS);
    assert.ok(!links(html).includes('모바일OTP 발급'));
    assert.match(html, /<li class="current" aria-current="step">계좌\/보안매체 인증<\/li>/);
  });

  it('a customer holding no medium sees the link 모바일OTP 발급 instead of the two buttons', async () => {
    const s = startAt('account', person({ media: null }));
    const { html } = await page(s.b.get(ACCOUNT_URL));
    assert.ok(links(html).includes('모바일OTP 발급'));
    assert.match(html, /href="\/fincert\/issue\/mobile-otp"/);
    for (const name of CHOICE_BUTTONS) assert.ok(!buttons(html).includes(name), `${name} is gone`);
  });

  for (const [why, over, message] of [
    ['a malformed account number', { number: '1234-56' }, MSG.accountFormat],
    ['a 3-digit password', { password: '123' }, MSG.accountPasswordFormat],
    ['a password with letters', { password: '12a4' }, MSG.accountPasswordFormat],
  ] as const) {
    it(`${why} → 400 with its own message, no error counted, number kept, password cleared`, async () => {
      const s = startAt('account');
      const { status, html } = await page(submitAccount(s, 'securityCardOtp', over));
      assert.equal(status, 400);
      assert.equal(alertOf(html), message);
      assert.equal(s.customer.counters.accountPassword, 0);
      assert.equal(valueOf(html, 'accountNumber'), over.number ?? ACCOUNT.number);
      assert.equal(valueOf(html, 'accountPassword'), undefined);
    });
  }

  it('a number typed without hyphens is the same account', async () => {
    const s = startAt('account');
    await expectRedirect(
      await submitAccount(s, 'securityCardOtp', { number: '12345678901234' }),
      ACCOUNT_URL,
    );
    assert.equal(s.flow.medium, 'otp');
  });

  it('no medium chosen → 400 asking for one', async () => {
    const s = startAt('account');
    const res = await page(
      s.b.post(ACCOUNT_URL, { accountNumber: ACCOUNT.number, accountPassword: ACCOUNT.password }),
    );
    assert.equal(res.status, 400);
    assert.equal(alertOf(res.html), MSG.chooseMedium);
  });
});

describe('계좌/보안매체 인증: account-password errors', () => {
  it(`counts each mismatch; ${ERROR_LIMITS.accountPassword - 1} are not a lock, the ${ERROR_LIMITS.accountPassword}th locks (403)`, async () => {
    const s = startAt('account');
    const limit = ERROR_LIMITS.accountPassword;
    for (let n = 1; n < limit; n++) {
      const { status, html } = await page(submitAccount(s, 'securityCardOtp', { password: '9999' }));
      assert.equal(status, 400);
      assert.equal(alertOf(html), MSG.accountMismatch(n, limit));
      assert.match(alertOf(html), new RegExp(`\\(오류 ${n}회/${limit}회\\)`));
      assert.equal(s.customer.locks.accountPassword, false);
    }
    const locked = await page(submitAccount(s, 'securityCardOtp', { number: '999999-99-999999' }));
    assert.equal(locked.status, 403);
    assert.match(alertOf(locked.html), /계좌비밀번호 오류 횟수를 초과/);
    assert.match(alertOf(locked.html), /영업점/);
    assert.match(alertOf(locked.html), /KB스타뱅킹/);
    assert.equal(s.customer.locks.accountPassword, true);

    // Locked: even the right account is refused now.
    const right = await page(submitAccount(s, 'securityCardOtp'));
    assert.equal(right.status, 403);
    assert.equal(s.flow.medium, undefined);
  });

  it('a right account resets the counter', async () => {
    const s = startAt('account');
    await submitAccount(s, 'securityCardOtp', { password: '9999' });
    await submitAccount(s, 'securityCardOtp', { password: '9999' });
    assert.equal(s.customer.counters.accountPassword, 2);
    await expectRedirect(await submitAccount(s, 'securityCardOtp'), ACCOUNT_URL);
    assert.equal(s.customer.counters.accountPassword, 0);
    const again = await page(submitAccount(s, 'securityCardOtp', { password: '9999' }));
    assert.equal(alertOf(again.html), MSG.accountMismatch(1, ERROR_LIMITS.accountPassword));
  });

  it('the lock outlives the flow: a new flow of the same customer is refused (403)', async () => {
    const s = startAt('account');
    for (let n = 0; n < ERROR_LIMITS.accountPassword; n++)
      await submitAccount(s, 'securityCardOtp', { password: '0000' });
    const other = s.newFlow('account');
    const res = await page(submitAccount(other, 'securityCardOtp'));
    assert.equal(res.status, 403);
    assert.match(alertOf(res.html), /오류 횟수를 초과/);
  });
});

describe('계좌/보안매체 인증: the medium choice', () => {
  it('a medium the customer does not hold → 400, no error counted', async () => {
    const s = startAt('account');
    const { status, html } = await page(submitAccount(s, 'kbMobileCert'));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.mediumNotHeld('KB모바일인증서'));
    assert.deepEqual(s.customer.counters, { accountPassword: 0, securityCard: 0, otp: 0, kbMobileCert: 0 });
    assert.deepEqual(buttons(html), CHOICE_BUTTONS, 'stage 4 again, with its choice');
  });

  it('보안카드/OTP with neither → 400, even with a wrong account (no error counted)', async () => {
    const s = startAt('account', person({ media: { kbMobileCert: { pin: KB_PIN } } }));
    const { status, html } = await page(submitAccount(s, 'securityCardOtp', { password: '9999' }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.mediumNotHeld('보안카드/OTP'));
    assert.equal(s.customer.counters.accountPassword, 0);
  });

  it('after the choice only that medium shows, with 확인; the choice buttons are gone', async () => {
    const s = startAt('account');
    const html = await chooseMedium(s, 'securityCardOtp');
    assert.deepEqual(labels(html), ['OTP 비밀번호']);
    assert.deepEqual(buttons(html), ['확인']);
    assert.match(html, /action="\/fincert\/issue\/account\/medium"/);
  });

  it('OTP wins over the 보안카드 when the customer holds both', async () => {
    const s = startAt(
      'account',
      person({ media: { otp: { secret: OTP_SECRET }, securityCard: { codes: CARD_CODES } } }),
    );
    const html = await chooseMedium(s, 'securityCardOtp');
    assert.deepEqual(labels(html), ['OTP 비밀번호']);
  });
});

describe('계좌/보안매체 인증: OTP', () => {
  for (const offsetS of [-30, 0, 30]) {
    it(`the code of the step ${offsetS} s away is accepted → 고객정보 확인`, async () => {
      const s = startAt('account');
      await chooseMedium(s, 'securityCardOtp');
      const res = await s.b.post(MEDIUM_URL, { otp: otpCode(OTP_SECRET, s.clock.now + offsetS * 1000) });
      await expectRedirect(res, STEP_URL.details);
      assert.equal(s.flow.step, 'details');
      assert.equal((await s.b.get(STEP_URL.details)).status, 200);
    });
  }

  for (const offsetS of [-60, 60]) {
    it(`the code of the step ${offsetS} s away is refused and counted`, async () => {
      const s = startAt('account');
      await chooseMedium(s, 'securityCardOtp');
      const { status, html } = await page(
        s.b.post(MEDIUM_URL, { otp: otpCode(OTP_SECRET, s.clock.now + offsetS * 1000) }),
      );
      assert.equal(status, 400);
      assert.equal(alertOf(html), MSG.mediumMismatch('OTP 비밀번호', 1, ERROR_LIMITS.otp));
      assert.equal(s.flow.step, 'account');
    });
  }

  it("is checked on real time, never the customer's test clock", async () => {
    const s = startAt('account');
    s.customer.clockOffsetSeconds = 3600;
    await chooseMedium(s, 'securityCardOtp');
    await expectRedirect(
      await s.b.post(MEDIUM_URL, { otp: otpCode(OTP_SECRET, s.clock.now) }),
      STEP_URL.details,
    );
  });

  it(`wrong codes: same screen, field emptied, (오류 n회/${ERROR_LIMITS.otp}회); the limit locks (403)`, async () => {
    const s = startAt('account');
    await chooseMedium(s, 'securityCardOtp');
    const wrong = otpCode(OTP_SECRET, s.clock.now + 300_000);
    for (let n = 1; n < ERROR_LIMITS.otp; n++) {
      const { status, html } = await page(s.b.post(MEDIUM_URL, { otp: wrong }));
      assert.equal(status, 400);
      assert.match(alertOf(html), /일치하지 않습니다/);
      assert.match(alertOf(html), new RegExp(`\\(오류 ${n}회/${ERROR_LIMITS.otp}회\\)`));
      assert.deepEqual(labels(html), ['OTP 비밀번호']);
      assert.equal(valueOf(html, 'otp'), undefined);
      assert.equal(s.customer.locks.otp, false);
    }
    const locked = await page(s.b.post(MEDIUM_URL, { otp: wrong }));
    assert.equal(locked.status, 403);
    assert.equal(alertOf(locked.html), MSG.limitExceeded('OTP'));
    assert.equal(s.customer.locks.otp, true);
    // Back on the choice screen; choosing the locked medium again is refused.
    assert.deepEqual(buttons(locked.html), CHOICE_BUTTONS);
    const after = await page(submitAccount(s, 'securityCardOtp'));
    assert.equal(after.status, 403);
    assert.match(alertOf(after.html), /OTP 오류 횟수를 초과/);
  });

  it('the lock persists into a new flow, where another held medium still works', async () => {
    const s = startAt(
      'account',
      person({ media: { otp: { secret: OTP_SECRET }, kbMobileCert: { pin: KB_PIN } } }),
    );
    await chooseMedium(s, 'securityCardOtp');
    const wrong = otpCode(OTP_SECRET, s.clock.now + 300_000);
    for (let n = 0; n < ERROR_LIMITS.otp; n++) await s.b.post(MEDIUM_URL, { otp: wrong });
    assert.equal(s.customer.locks.otp, true);
    const other = s.newFlow('account');
    const refused = await page(submitAccount(other, 'securityCardOtp'));
    assert.equal(refused.status, 403);
    assert.equal(alertOf(refused.html), MSG.limitExceeded('OTP'));
    await chooseMedium(other, 'kbMobileCert');
    await expectRedirect(await other.b.post(MEDIUM_URL, { kbPin: KB_PIN }), STEP_URL.details);
  });

  it('a right code resets the counter', async () => {
    const s = startAt('account');
    await chooseMedium(s, 'securityCardOtp');
    const wrong = otpCode(OTP_SECRET, s.clock.now + 300_000);
    await s.b.post(MEDIUM_URL, { otp: wrong });
    await s.b.post(MEDIUM_URL, { otp: wrong });
    assert.equal(s.customer.counters.otp, 2);
    await expectRedirect(
      await s.b.post(MEDIUM_URL, { otp: otpCode(OTP_SECRET, s.clock.now) }),
      STEP_URL.details,
    );
    assert.equal(s.customer.counters.otp, 0);
  });

  it('a malformed code gets the format message and counts nothing', async () => {
    const s = startAt('account');
    await chooseMedium(s, 'securityCardOtp');
    const { status, html } = await page(s.b.post(MEDIUM_URL, { otp: '12345' }));
    assert.equal(status, 400);
    assert.equal(alertOf(html), MSG.digitsFormat('OTP 비밀번호', 6));
    assert.equal(s.customer.counters.otp, 0);
  });
});

describe('계좌/보안매체 인증: 보안카드', () => {
  const cardHolder = () => person({ media: { securityCard: { codes: CARD_CODES } } });

  it('asks [NN]번 앞 2자리 and [MM]번 뒤 2자리; the right halves pass', async () => {
    const s = startAt('account', cardHolder(), { bank: steppingRandom() });
    const html = await chooseMedium(s, 'securityCardOtp');
    const [front, back] = labels(html);
    assert.match(front!, /^\[\d{2}\]번 앞 2자리$/);
    assert.match(back!, /^\[\d{2}\]번 뒤 2자리$/);
    const { cardFront, cardBack } = cardAnswer(html);
    await expectRedirect(await s.b.post(MEDIUM_URL, { cardFront, cardBack }), STEP_URL.details);
  });

  it('halves of other positions are wrong; each attempt asks new positions; the 5th locks', async () => {
    const s = startAt('account', cardHolder(), { bank: steppingRandom() });
    let html = await chooseMedium(s, 'securityCardOtp');
    const limit = ERROR_LIMITS.securityCard;
    for (let n = 1; n < limit; n++) {
      const right = cardAnswer(html);
      // The back half given for the front position and vice versa: right digits, wrong places.
      const swapped = { cardFront: right.cardBack, cardBack: right.cardFront };
      assert.notDeepEqual(swapped, { cardFront: right.cardFront, cardBack: right.cardBack });
      const res = await page(s.b.post(MEDIUM_URL, swapped));
      assert.equal(res.status, 400);
      assert.equal(alertOf(res.html), MSG.mediumMismatch('보안카드 번호', n, limit));
      assert.notEqual(cardAnswer(res.html).asked, right.asked, 'new positions after a wrong try');
      assert.equal(valueOf(res.html, 'cardFront'), undefined);
      html = res.html;
    }
    const locked = await page(s.b.post(MEDIUM_URL, { cardFront: '99', cardBack: '99' }));
    assert.equal(locked.status, 403);
    assert.equal(alertOf(locked.html), MSG.limitExceeded('보안카드'));
    assert.equal(s.customer.locks.securityCard, true);
  });

  it('a malformed answer keeps the asked positions and counts nothing', async () => {
    const s = startAt('account', cardHolder(), { bank: steppingRandom() });
    const html = await chooseMedium(s, 'securityCardOtp');
    const res = await page(s.b.post(MEDIUM_URL, { cardFront: '1', cardBack: 'ab' }));
    assert.equal(res.status, 400);
    assert.equal(alertOf(res.html), MSG.digitsFormat('보안카드 번호', 2));
    assert.equal(cardAnswer(res.html).asked, cardAnswer(html).asked);
    assert.equal(s.customer.counters.securityCard, 0);
  });
});

describe('계좌/보안매체 인증: KB모바일인증서', () => {
  const holder = () => person({ media: { kbMobileCert: { pin: KB_PIN } } });

  it('holders need no other medium: the PIN alone passes', async () => {
    const s = startAt('account', holder());
    const html = await chooseMedium(s, 'kbMobileCert');
    assert.deepEqual(labels(html), ['KB모바일인증서 비밀번호']);
    await expectRedirect(await s.b.post(MEDIUM_URL, { kbPin: KB_PIN }), STEP_URL.details);
  });

  it(`a wrong PIN counts (오류 n회/${ERROR_LIMITS.kbMobileCert}회) and the limit locks`, async () => {
    const s = startAt('account', holder());
    await chooseMedium(s, 'kbMobileCert');
    for (let n = 1; n < ERROR_LIMITS.kbMobileCert; n++) {
      const res = await page(s.b.post(MEDIUM_URL, { kbPin: '246801' }));
      assert.equal(res.status, 400);
      assert.equal(
        alertOf(res.html),
        MSG.mediumMismatch('KB모바일인증서 비밀번호', n, ERROR_LIMITS.kbMobileCert),
      );
    }
    const locked = await page(s.b.post(MEDIUM_URL, { kbPin: '246801' }));
    assert.equal(locked.status, 403);
    assert.match(alertOf(locked.html), /KB모바일인증서 오류 횟수를 초과/);
    // Back on the choice, and the locked medium is refused there too.
    assert.deepEqual(buttons(locked.html), CHOICE_BUTTONS);
    const again = await page(submitAccount(s, 'kbMobileCert'));
    assert.equal(again.status, 403);
    assert.equal(alerts(again.html).length, 1);
  });
});

describe('계좌/보안매체 인증: flow rules', () => {
  it('the medium screen without a choice goes back to the account form', async () => {
    const s = startAt('account');
    await expectRedirect(await s.b.post(MEDIUM_URL, { otp: '123456' }), ACCOUNT_URL);
  });

  it('a flow that has not reached stage 4 is refused', async () => {
    const s = startAt('identity');
    await expectRedirect(await submitAccount(s, 'securityCardOtp'), STEP_URL.identity);
    assert.equal(s.customer.counters.accountPassword, 0);
  });
});
