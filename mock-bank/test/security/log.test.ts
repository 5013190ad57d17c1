// The bank's log carries no secret (issue 6): a whole issuance, with wrong tries on every secret the
// customer types, is driven in-process and the captured JSON lines are searched for each value.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readConfig } from '../../src/config.ts';
import { otpCode } from '../../src/domain/otp.ts';
import { getChallenge } from '../../src/services/challenges.ts';
import { fileLogger } from '../../src/services/context.ts';
import { createCustomer } from '../../src/services/customers.ts';
import { browser, makeBank, sessionOf, STEP_URL } from '../support.ts';
import {
  CARD_CODES,
  expectRedirect,
  OTP_SECRET,
  person,
  rrn,
  steppingRandom,
  T0,
} from '../screens/lateSteps.ts';

/** Values no log line could hold by chance: no timestamp, path or count has these digit runs. */
const SECRETS = {
  loginPassword: 'Login-Secret-7731',
  rrn: rrn('880412234567'),
  accountPassword: '4826',
  kbMobileCertPin: '739218',
  certificatePin: '583926',
  otpSecret: OTP_SECRET,
};
const ACCOUNT = { number: '110245-33-908172', password: SECRETS.accountPassword };
/** What a customer types wrongly: it must not reach the log either. */
const WRONG = {
  loginPassword: 'Wrong-Login-4417',
  accountPassword: '9371',
  kbMobileCertPin: '604815',
  arsDigits: '97531',
  certificatePin: '258147',
};

const PHONE = '010-4321-8765';
const PHONE_URL = `/phone/${PHONE}`;

/** A bank with the customer, and every line its log received (what MOCK_BANK_LOG_FILE would hold). */
function bankWithSecrets() {
  const clock = { now: T0 };
  const tb = makeBank({ now: () => clock.now, ...steppingRandom() });
  const created = createCustomer(
    tb.bank,
    person({
      loginPassword: SECRETS.loginPassword,
      rrn: SECRETS.rrn,
      phone: PHONE,
      accounts: [ACCOUNT],
      media: {
        otp: { secret: SECRETS.otpSecret },
        securityCard: { codes: CARD_CODES },
        kbMobileCert: { pin: SECRETS.kbMobileCertPin },
      },
    }),
  );
  assert.ok(created.ok);
  return { ...tb, clock, customer: created.customer };
}

/** Every value, and both forms of the 주민등록번호, that the log must never show. */
function secretValues(otpCodes: string[]): [kind: string, value: string][] {
  return [
    ...Object.entries(SECRETS),
    ['rrn with hyphen', `${SECRETS.rrn.slice(0, 6)}-${SECRETS.rrn.slice(6)}`],
    ...Object.entries(WRONG).map(([kind, value]): [string, string] => [`wrong ${kind}`, value]),
    ...otpCodes.map((code): [string, string] => ['otp code', code]),
    ...CARD_CODES.map((code): [string, string] => ['security card code', code]),
  ];
}

describe('the server log during a whole issuance with wrong tries', () => {
  it('holds events for every step but none of the secrets typed or held', async () => {
    const s = bankWithSecrets();
    const b = browser(s.app);
    const otpCodes: string[] = [];

    // Log in: a wrong password, then the right one.
    assert.equal(
      (await b.post('/login', { userId: s.customer.userId, password: WRONG.loginPassword })).status,
      400,
    );
    await expectRedirect(
      await b.post('/login', { userId: s.customer.userId, password: SECRETS.loginPassword }),
      '/',
    );

    await b.get('/fincert/issue?door=web');
    await expectRedirect(await b.post(STEP_URL.terms, { all: 'on' }), STEP_URL.userInfo);
    const rrnHalves = { rrnFront: SECRETS.rrn.slice(0, 6), rrnBack: SECRETS.rrn.slice(6) };
    await expectRedirect(
      await b.post(STEP_URL.userInfo, { userId: s.customer.userId, ...rrnHalves }),
      STEP_URL.identity,
    );

    // 본인인증 by ARS: wrong digits on the phone's keypad, 재요청, then the right code.
    await expectRedirect(await b.post(STEP_URL.identity, { method: 'ars' }), STEP_URL.identity);
    await expectRedirect(await b.post(`${PHONE_URL}/keypad`, { digits: WRONG.arsDigits }), PHONE_URL);
    await expectRedirect(await b.post(`${STEP_URL.identity}/retry`), STEP_URL.identity);
    const call = getChallenge(s.bank, sessionOf(s.bank, b)?.flow?.identityChallengeId);
    assert.ok(call);
    await expectRedirect(await b.post(`${PHONE_URL}/keypad`, { digits: call.code }), PHONE_URL);
    await expectRedirect(await b.get(STEP_URL.identity), STEP_URL.account);

    // 계좌/보안매체: a wrong account password, a wrong KB모바일인증서 PIN, then a wrong and a right OTP.
    const account = (password: string, medium: string) =>
      b.post(STEP_URL.account, { accountNumber: ACCOUNT.number, accountPassword: password, medium });
    assert.equal((await account(WRONG.accountPassword, 'kbMobileCert')).status, 400);
    await expectRedirect(await account(SECRETS.accountPassword, 'kbMobileCert'), STEP_URL.account);
    assert.equal((await b.post(`${STEP_URL.account}/medium`, { kbPin: WRONG.kbMobileCertPin })).status, 400);
    await expectRedirect(await account(SECRETS.accountPassword, 'securityCardOtp'), STEP_URL.account);
    const staleOtp = otpCode(SECRETS.otpSecret, s.clock.now - 5 * 60_000);
    otpCodes.push(staleOtp);
    assert.equal((await b.post(`${STEP_URL.account}/medium`, { otp: staleOtp })).status, 400);
    const otp = otpCode(SECRETS.otpSecret, s.clock.now);
    otpCodes.push(otp);
    await expectRedirect(await b.post(`${STEP_URL.account}/medium`, { otp }), STEP_URL.details);

    await expectRedirect(
      await b.post(STEP_URL.details, { email: s.customer.email, address: s.customer.address }),
      STEP_URL.cloud,
    );

    // The cloud step: the customer's details, then the two digits sent back by SMS from the phone.
    const cloud = { name: s.customer.name, phone: PHONE, ...rrnHalves, cloudTerms: 'on' };
    await expectRedirect(await b.post(STEP_URL.cloud, cloud), STEP_URL.cloud);
    const cloudCode = getChallenge(s.bank, sessionOf(s.bank, b)?.flow?.cloudChallengeId);
    assert.ok(cloudCode);
    await expectRedirect(await b.post(`${PHONE_URL}/sms`, { text: cloudCode.code }), PHONE_URL);
    await expectRedirect(await b.get(STEP_URL.cloud), STEP_URL.password);

    // 비밀번호 설정: a confirmation that differs, then the PIN twice.
    const pin = SECRETS.certificatePin;
    assert.equal((await b.post(STEP_URL.password, { pin, pinConfirm: WRONG.certificatePin })).status, 400);
    await expectRedirect(await b.post(STEP_URL.password, { pin, pinConfirm: pin }), STEP_URL.complete);
    assert.equal((await b.get(STEP_URL.complete)).status, 200);

    const log = s.logLines.join('\n');
    const events = new Set(s.logLines.map((line) => (JSON.parse(line) as { event: string }).event));
    for (const event of [
      'login.failed',
      'login',
      'challenge.answered',
      'account.checked',
      'medium.checked',
      'certificate.issued',
    ]) {
      assert.ok(events.has(event), `the walk logged ${event}`);
    }
    for (const [kind, value] of secretValues(otpCodes)) {
      assert.ok(!log.includes(value), `the log holds the ${kind}`);
    }
  });
});

describe('MOCK_BANK_LOG_FILE', () => {
  it('appends one JSON line per event to the file, creating its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bank-log-'));
    try {
      const path = join(dir, 'nested', 'bank.log');
      const log = fileLogger(path);
      log('first', { n: 1 });
      fileLogger(path)('second');
      const lines = readFileSync(path, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as object);
      assert.deepEqual(
        lines.map(({ at: _at, ...rest }: { at?: string }) => rest),
        [{ event: 'first', n: 1 }, { event: 'second' }],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is optional, and an empty value stops start-up with its name', () => {
    assert.equal(readConfig({}).MOCK_BANK_LOG_FILE, undefined);
    assert.equal(
      readConfig({ MOCK_BANK_LOG_FILE: 'reports/mock-bank.log' }).MOCK_BANK_LOG_FILE,
      'reports/mock-bank.log',
    );
    assert.throws(() => readConfig({ MOCK_BANK_LOG_FILE: '  ' }), /MOCK_BANK_LOG_FILE/);
  });
});
