// The fault catalogue (issue 6): names parse or are refused, every name is wired to exactly one
// `faulty(…, 'name')` call in the sources, and a handful of faults flip the behaviour they name.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { readConfig } from '../src/config.ts';
import { otpCode } from '../src/domain/otp.ts';
import { FAULT_NAMES, FAULTS, parseFaults, type FaultName } from '../src/faults.ts';
import { MSG } from '../src/messages.ts';
import { ARS_CODE_TTL_MS, SERVER_DEADLINE_GRACE_MS } from '../src/rules.ts';
import { createCustomer } from '../src/services/customers.ts';
import { phoneView } from '../src/services/phone.ts';
import { browser, makeBank, STEP_URL } from './support.ts';
import {
  ACCOUNT,
  alertOf,
  expectRedirect,
  OTP_SECRET,
  page,
  person,
  startAt,
  T0,
} from './screens/lateSteps.ts';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

describe('faults: parseFaults', () => {
  it('reads nothing as no fault', () => {
    for (const value of [undefined, '', ' ', ',']) assert.equal(parseFaults(value).size, 0);
  });

  it('reads known names, comma-separated, spaces and repeats ignored', () => {
    const faults = parseFaults(' weak-pin-accepted, validity-one-year ,weak-pin-accepted');
    assert.deepEqual([...faults].sort(), ['validity-one-year', 'weak-pin-accepted']);
  });

  it('refuses unknown names, naming them and every known one', () => {
    assert.throws(
      () => parseFaults('weak-pin-accepted,no-such-fault,Weak-Pin-Accepted'),
      (error: Error) => {
        assert.match(error.message, /unknown fault no-such-fault, Weak-Pin-Accepted;/);
        for (const name of FAULT_NAMES) assert.ok(error.message.includes(name), `lists ${name}`);
        return true;
      },
    );
  });

  it('stops start-up on an unknown name, through the config', () => {
    assert.throws(
      () => readConfig({ MOCK_BANK_FAULTS: 'typo-fault' }),
      /MOCK_BANK_FAULTS: unknown fault typo-fault;/,
    );
    assert.equal(readConfig({}).MOCK_BANK_FAULTS.size, 0);
    assert.deepEqual(
      [...readConfig({ MOCK_BANK_FAULTS: 'completion-sms-missing' }).MOCK_BANK_FAULTS],
      ['completion-sms-missing'],
    );
  });
});

describe('faults: the catalogue', () => {
  it('has at least 30 faults, kebab-case, each with a one-line description', () => {
    assert.ok(FAULT_NAMES.length >= 30, `${FAULT_NAMES.length} faults`);
    for (const name of FAULT_NAMES) {
      assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)+$/);
      const description = FAULTS[name];
      assert.ok(description.length > 10 && !description.includes('\n'), name);
    }
  });

  /** Every `faulty(x, 'name')` call in mock-bank/src, found by parsing (comments and strings never count). */
  function faultyCalls(): { name: string; where: string }[] {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((file) =>
      /\.tsx?$/.test(file),
    );
    const calls: { name: string; where: string }[] = [];
    for (const file of files) {
      const path = join(SRC, file);
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'faulty'
        ) {
          const arg = node.arguments[1];
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          const where = `${relative(SRC, path)}:${line + 1}`;
          assert.ok(arg && ts.isStringLiteral(arg), `${where}: faulty() names its fault as a string literal`);
          calls.push({ name: arg.text, where });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    return calls;
  }

  it('wires every fault to exactly one faulty() call in mock-bank/src, and no call to an unknown fault', () => {
    const calls = faultyCalls();
    for (const name of FAULT_NAMES) {
      const at = calls.filter((call) => call.name === name).map((call) => call.where);
      assert.equal(
        at.length,
        1,
        `${name} is checked at ${at.length === 0 ? 'no call site (dead)' : at.join(', ')}`,
      );
    }
    const unknown = calls.filter((call) => !(FAULT_NAMES as string[]).includes(call.name));
    assert.deepEqual(unknown, []);
  });
});

/** A bank with these faults on (none by default), at a flow already past every step before `at`. */
function bankAt(at: Parameters<typeof startAt>[0], faults: FaultName[], over = person(), reissue = false) {
  return startAt(at, over, { reissue, bank: { faults: new Set(faults) } });
}

/** Runs `scenario` without the fault and with it: the spec's answer, then the regression's. */
async function flips<T>(fault: FaultName, scenario: (faults: FaultName[]) => Promise<T>): Promise<[T, T]> {
  return [await scenario([]), await scenario([fault])];
}

describe('faults: each flips the behaviour it names', () => {
  it('weak-pin-accepted: 111111 is refused, then accepted', async () => {
    const [spec, faulty] = await flips('weak-pin-accepted', async (faults) => {
      const s = bankAt('password', faults);
      return page(s.b.post(STEP_URL.password, { pin: '111111', pinConfirm: '111111' }));
    });
    assert.equal(spec.status, 400);
    assert.equal(alertOf(spec.html), MSG.pinWeak);
    assert.equal(faulty.status, 303);
  });

  it('step-reachable-by-url: 사용자 정보 입력 before 약관동의 is refused, then served', async () => {
    const [spec, faulty] = await flips('step-reachable-by-url', async (faults) => {
      const { app } = makeBank({ faults: new Set(faults) });
      const b = browser(app);
      await expectRedirect(await b.get('/fincert/issue'), STEP_URL.terms);
      return b.get(STEP_URL.userInfo);
    });
    await expectRedirect(spec, STEP_URL.terms);
    assert.equal(faulty.status, 200);
  });

  it('server-deadline-ignored: past 3:30 on the test clock the call is expired, then still ringing', async () => {
    const [spec, faulty] = await flips('server-deadline-ignored', async (faults) => {
      const s = bankAt('identity', faults);
      await expectRedirect(await s.b.post(STEP_URL.identity, { method: 'ars' }), STEP_URL.identity);
      s.customer.clockOffsetSeconds = (ARS_CODE_TTL_MS + SERVER_DEADLINE_GRACE_MS) / 1000 + 1;
      return phoneView(s.bank, s.customer.phone).calls.map((call) => call.state);
    });
    assert.deepEqual(spec, ['expired']);
    assert.deepEqual(faulty, ['ringing']);
  });

  it("otp-previous-step-refused: the previous 30-s step's code is accepted, then refused", async () => {
    const [spec, faulty] = await flips('otp-previous-step-refused', async (faults) => {
      const s = bankAt('account', faults);
      const choice = {
        accountNumber: ACCOUNT.number,
        accountPassword: ACCOUNT.password,
        medium: 'securityCardOtp',
      };
      await expectRedirect(await s.b.post(STEP_URL.account, choice), STEP_URL.account);
      return s.b.post(`${STEP_URL.account}/medium`, { otp: otpCode(OTP_SECRET, s.clock.now - 30_000) });
    });
    await expectRedirect(spec, STEP_URL.details);
    assert.equal(faulty.status, 400);
  });

  it("other-bank-certificate-not-revoked: a reissue revokes another bank's certificate, then leaves it active", async () => {
    const otherBank = {
      bank: '신한은행',
      status: 'active',
      pin: '284719',
      issuedAt: '2024-05-20T01:00:00Z',
      expiresAt: '2027-05-20T01:00:00Z',
    } as const;
    const [spec, faulty] = await flips('other-bank-certificate-not-revoked', async (faults) => {
      const s = bankAt('password', faults, person({ certificate: otherBank }), true);
      await expectRedirect(
        await s.b.post(STEP_URL.password, { pin: '890123', pinConfirm: '890123' }),
        STEP_URL.complete,
      );
      return s.bank.store.certificatesOf(s.customer.rrn).find((cert) => cert.bank === '신한은행')?.status;
    });
    assert.equal(spec, 'revoked');
    assert.equal(faulty, 'active');
  });

  it('logged-in-not-logged-out: starting the flow logs the customer out with the notice, then neither', async () => {
    const [spec, faulty] = await flips('logged-in-not-logged-out', async (faults) => {
      const { bank, app } = makeBank({ faults: new Set(faults) });
      const created = createCustomer(bank, person({ loginPassword: 'secret-pw-1' }));
      assert.ok(created.ok);
      const b = browser(app);
      await expectRedirect(await b.post('/login', { userId: 'kbqa0193', password: 'secret-pw-1' }), '/');
      await expectRedirect(await b.get('/fincert/issue'), STEP_URL.terms);
      const terms = await page(b.get(STEP_URL.terms));
      const home = await page(b.get('/'));
      return {
        notice: terms.html.includes('로그아웃 상태에서만'),
        loggedIn: home.html.includes('로그아웃</button>'),
      };
    });
    assert.deepEqual(spec, { notice: true, loggedIn: false });
    assert.deepEqual(faulty, { notice: false, loggedIn: true });
  });

  it('completion-validity-utc-date: at 08:00 in Korea 유효기간 shows the Korea date, then the UTC day before', async () => {
    const [spec, faulty] = await flips('completion-validity-utc-date', async (faults) => {
      const s = bankAt('password', faults);
      s.clock.now = T0 - 4 * 3600_000; // 2026-03-10 08:00 in Korea = 2026-03-09 23:00 UTC
      await expectRedirect(
        await s.b.post(STEP_URL.password, { pin: '890123', pinConfirm: '890123' }),
        STEP_URL.complete,
      );
      const { html } = await page(s.b.get(STEP_URL.complete));
      return /<dt>유효기간<\/dt><dd>([^<]*)<\/dd>/.exec(html)?.[1];
    });
    assert.equal(spec, '2026.03.10 ~ 2029.03.10');
    assert.equal(faulty, '2026.03.09 ~ 2029.03.09');
  });
});
