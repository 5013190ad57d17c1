/**
 * The fault catalogue (issue 6): regressions a bank developer could realistically ship, built in so
 * the e2e suite can be shown to catch them. `MOCK_BANK_FAULTS=a,b` switches faults on by name; each
 * one is a single `if (faulty(bank, 'name'))` branch at the place where that bug would live. With no
 * fault set (the default) the bank follows the spec.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** name → what goes wrong, one line each. */
export const FAULTS = {
  // front doors and the flow guard
  'logged-in-not-logged-out':
    'starting the flow leaves a logged-in customer logged in, and no logout notice is shown',
  'step-reachable-by-url': 'the step guard is off by one: the step right after the current one opens by URL',
  // 약관동의
  'required-term-not-enforced': '고유식별정보 처리 동의 (필수) is not required on the server',
  'check-all-not-consent': 'a ticked 전체 동의 without the boxes themselves (no JavaScript) is not consent',
  // 사용자 정보 입력
  'user-info-limit-not-enforced': 'the 5th wrong user ID / 주민등록번호 pair does not discard the flow',
  'suspended-not-blocked': 'a suspended (효력정지) certificate does not block; a new issue follows',
  'other-bank-certificate-no-dialog':
    "another bank's active certificate gets no 재발급 dialog (only our own bank's is looked at)",
  'expired-certificate-counts-as-active':
    'the stored status is read, not the derived one: an expired certificate shows the 재발급 dialog',
  // 본인인증
  'ars-wrong-digits-accepted': 'any digits keyed into the ARS call confirm it',
  'returned-traveller-passes': '해외출국 확인 passes with any departure record, even one with a return',
  'masked-phone-shows-too-much': 'the ARS screen masks only two middle digits of the phone (010-12**-5678)',
  'ars-expire-ignored':
    "the ARS countdown's 0:00 never reaches the server: the call is not expired, so no timeout shows",
  'server-deadline-ignored':
    "the server's backstop deadline (3:30) is ignored: a code nobody expired stays valid forever",
  // 계좌/보안매체 인증
  'lock-one-try-late': 'a medium (보안카드, OTP, KB모바일인증서) locks one wrong try after its limit',
  'limit-counter-resets-per-flow':
    'opening 계좌/보안매체 인증 resets the wrong-try counters, so they count per flow',
  'right-answer-keeps-counter': "a right medium answer does not reset that medium's wrong-try counter",
  'account-password-errors-not-counted':
    'a wrong account password is refused but never counted, so it never locks',
  'wrong-card-position-checked': '보안카드 positions are read 0-based: [07] is checked against the 8th code',
  'otp-accepted-one-step-late': 'an OTP code from two 30-s steps ago is still accepted',
  'otp-previous-step-refused': 'an OTP code from the previous 30-s step is refused',
  'mobile-otp-without-sms-code': '모바일OTP is issued whatever 인증번호 is typed',
  // 고객정보 확인
  'details-not-prefilled': "고객정보 확인 shows empty fields instead of the customer's e-mail and address",
  'details-edits-not-saved': "edits on 고객정보 확인 stay in the flow and never reach the customer's record",
  'details-stepper-stage-5':
    "고객정보 확인's stepper marks 인증서 설정 (stage 5) instead of 계좌/보안매체 인증",
  // 인증서 설정
  'cloud-name-not-checked':
    'the cloud step does not compare the name: another name passes with the right phone and 주민등록번호',
  'cloud-countdown-to-backstop':
    "the cloud step's countdown runs to the server's backstop (3:30), so it is not at 0:00 after 3 minutes",
  'weak-pin-accepted': 'a weak certificate PIN (111111, 123456, 654321) is accepted',
  'pin-mismatch-accepted': 'the PIN confirmation is never compared',
  // completion and the registry
  'completion-sms-missing': 'the completion SMS is not sent',
  'reissue-keeps-old-active': 'a reissue does not revoke the old certificate: two stay active',
  'other-bank-certificate-not-revoked':
    "only our own bank's certificates are revoked at completion; another bank's stays active",
  'validity-one-year': 'a new certificate is valid one year instead of three',
  'reissue-fresh-expiry': "a reissue gets a fresh three-year expiry instead of keeping the old one's",
  'leap-day-expiry-rolls-over':
    "a certificate issued on 29 Feb expires on 1 Mar three years later (Date's own rollover), not 28 Feb",
  'completion-validity-utc-date':
    '유효기간 on the completion page shows UTC dates: before 09:00 Korea time, the day before',
  'reissue-completion-says-issue': 'the completion of a reissue says 금융인증서 발급이 완료되었습니다',
  // 아이디찾기
  'id-lookup-shows-another-customers-id':
    "아이디찾기 skips the registered-phone check and texts the number typed: a stranger's phone gets the customer's ID",
  'id-lookup-late-code-accepted': '아이디찾기 accepts the right code after its time is up',
  // 갱신
  'renewal-window-off-by-day': 'renewal opens 31 days before expiry instead of 30',
  'renewal-expiry-no-extra-day':
    'a renewed certificate expires at old expiry + 3 years, without the extra day',
  'renewal-pin-never-locks': 'wrong certificate PINs at renewal are counted but never lock the certificate',
  'renewal-keeps-old-active': 'renewal does not revoke the old certificate',
  // what only a phone shows (the app door, a screen 412 px wide)
  'phone-app-menu-step-hidden':
    "at phone width the app's 인증/보안 screen hides 다른 인증수단: the menu path stops there",
  'phone-terms-next-offscreen':
    "at phone width 약관동의's 다음 button is laid out past the screen's right edge",
  'phone-dialog-cancel-hidden': 'at phone width the 재발급 dialog hides its 취소 button: it cannot be left',
} as const satisfies Record<string, string>;

export type FaultName = keyof typeof FAULTS;

/**
 * Faults that only the app door or a phone-wide screen shows: `npm run e2e:faults` runs them with the
 * mobile project (every other fault with desktop, which runs every server rule).
 */
export const PHONE_FAULTS: ReadonlySet<FaultName> = new Set([
  'phone-app-menu-step-hidden',
  'phone-terms-next-offscreen',
  'phone-dialog-cancel-hidden',
]);

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/**
 * `a,b` (spaces and empty items ignored) → the set of faults. Unknown names are refused with every
 * known one listed, so a typo stops start-up instead of silently testing the unbroken bank.
 */
export function parseFaults(value: string | undefined): ReadonlySet<FaultName> {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isFaultName(name));
  if (unknown.length > 0) {
    throw new Error(`unknown fault ${unknown.join(', ')}; known faults: ${FAULT_NAMES.join(', ')}`);
  }
  return new Set(names as FaultName[]);
}

/** The request header naming the e2e test a request is made for (Playwright's `testInfo.testId`). */
export const TEST_ID_HEADER = 'x-e2e-test-id';
/** Where points reached outside a request, or by one without a (well-formed) test id, are filed. */
export const UNATTRIBUTED = 'unattributed';
/** Playwright's test ids are hex with dashes; anything else is filed as unattributed, so memory stays bounded. */
const TEST_ID = /^[\w-]{1,200}$/;

/**
 * Which fault points (`faulty()` calls) each e2e test reached, fault on or not. A fault can only change
 * what a test sees if that test reaches its point, so `npm run e2e:faults` runs only those tests per
 * fault. On with MOCK_BANK_RECORD_FAULT_POINTS=1; off, no request pays for it.
 */
export class FaultPoints {
  readonly #testId = new AsyncLocalStorage<string | undefined>();
  readonly #reached = new Map<string, Set<FaultName>>();

  /** Runs `handle` (one request) with every point it reaches, timers it starts included, filed under `testId`. */
  attribute<T>(testId: string | undefined, handle: () => T): T {
    return this.#testId.run(testId !== undefined && TEST_ID.test(testId) ? testId : undefined, handle);
  }

  record(name: FaultName): void {
    const key = this.#testId.getStore() ?? UNATTRIBUTED;
    const reached = this.#reached.get(key) ?? new Set();
    reached.add(name);
    this.#reached.set(key, reached);
  }

  /** test id (or `unattributed`) → the fault points it reached, sorted. */
  toJSON(): Record<string, FaultName[]> {
    return Object.fromEntries([...this.#reached].map(([key, names]) => [key, [...names].sort()]));
  }
}

/** Is this (deliberate) bug switched on? Takes any holder of `faults`, so it needs no services import. */
export function faulty(
  bank: { readonly faults: ReadonlySet<FaultName>; readonly faultPoints?: FaultPoints | undefined },
  name: FaultName,
): boolean {
  bank.faultPoints?.record(name);
  return bank.faults.has(name);
}
