// 계좌/보안매체 인증 (spec §2.4): the account check with the medium choice, then that medium's screen.
import { Hono, type Context } from 'hono';
import {
  ACCOUNT_PASSWORD_LENGTH,
  ERROR_LIMITS,
  KB_MOBILE_CERT_PIN_LENGTH,
  OTP_DIGITS,
  SECURITY_CARD_CODE_LENGTH,
  type CountedMedium,
} from '../../rules.ts';
import { holdsAnyMedium } from '../../domain/customer.ts';
import { advanceTo, type ChosenMedium, type Flow } from '../../domain/flow.ts';
import { accountDigits, isDigits } from '../../domain/formats.ts';
import { emptyCounters, isLocked, recordRightTry, recordWrongTry } from '../../domain/limits.ts';
import { isValidOtp, OTP_WINDOW } from '../../domain/otp.ts';
import {
  isRightSecurityCardAnswer,
  pickSecurityCardChallenge,
  securityCardLabels,
} from '../../domain/securityCard.ts';
import type { Customer } from '../../domain/types.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import type { BankContext } from '../../services/context.ts';
import { Actions, Button, ButtonLink, Field, Form } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { field, formFields } from '../forms.ts';
import { STEP_PATH, flowUrl, redirectInFlow, takeFlash, takeNotice } from './guard.ts';
import { MOBILE_OTP_PATH } from './mobileOtp.tsx';
import { guardCustomer } from './flowCustomer.ts';

const ACCOUNT_PATH = STEP_PATH.account;
const MEDIUM_PATH = `${STEP_PATH.account}/medium`;

const LABEL = {
  accountNumber: '출금계좌번호',
  accountPassword: '계좌비밀번호',
  otp: 'OTP 비밀번호',
  kbMobileCert: 'KB모바일인증서 비밀번호',
  /** The card's answers are half a code each (`[07]번 앞 2자리`). */
  securityCard: '보안카드 번호',
} as const;

/** The two choice buttons, both submitting the account form as `medium`. */
const CHOICES = {
  securityCardOtp: { button: '보안카드/OTP로 인증하기', name: '보안카드/OTP' },
  kbMobileCert: { button: 'KB모바일인증서로 인증하기', name: 'KB모바일인증서' },
} as const;
type Choice = keyof typeof CHOICES;

/** `{what} 오류 횟수를 초과…` */
const LOCK_NAME: Record<CountedMedium, string> = {
  accountPassword: LABEL.accountPassword,
  securityCard: '보안카드',
  otp: 'OTP',
  kbMobileCert: 'KB모바일인증서',
};

/** `{what}가 일치하지 않습니다…` */
const MISMATCH_NAME: Record<ChosenMedium, string> = {
  securityCard: LABEL.securityCard,
  otp: LABEL.otp,
  kbMobileCert: LABEL.kbMobileCert,
};

const MEDIUM_HEADING: Record<ChosenMedium, string> = {
  securityCard: '보안카드 인증',
  otp: 'OTP 인증',
  kbMobileCert: 'KB모바일인증서 인증',
};

const SECURITY_CARD_HALF = SECURITY_CARD_CODE_LENGTH / 2;

function isChoice(value: string): value is Choice {
  return Object.hasOwn(CHOICES, value);
}

function holds(customer: Customer, medium: ChosenMedium): boolean {
  return !!customer.media?.[medium];
}

/** 보안카드/OTP uses the OTP when the customer holds one (hardware or 모바일OTP), else the 보안카드. */
function mediumFor(customer: Customer, choice: Choice): ChosenMedium | undefined {
  const candidates: ChosenMedium[] = choice === 'kbMobileCert' ? ['kbMobileCert'] : ['otp', 'securityCard'];
  return candidates.find((medium) => holds(customer, medium));
}

/** Back to the choice screen (a new choice needs the account check again). */
function backToChoice(flow: Flow): void {
  delete flow.medium;
  delete flow.securityCardChallenge;
}

interface ScreenView {
  alert?: string | undefined;
  notice?: string | undefined;
  /** Typed (or already checked) account number, shown again; the password never is. */
  accountNumber?: string | undefined;
  invalid?: 'accountNumber' | 'accountPassword' | undefined;
}

function ChoiceForm({ customer, view, prefix }: { customer: Customer; view: ScreenView; prefix: string }) {
  const anyMedium = holdsAnyMedium(customer);
  return (
    <section>
      <h2>계좌 확인</h2>
      <p>본인 명의의 KB국민은행 출금계좌번호와 계좌비밀번호를 입력하고 인증수단을 선택해 주세요.</p>
      <Form action={`${prefix}${ACCOUNT_PATH}`}>
        <Field
          label={LABEL.accountNumber}
          name="accountNumber"
          value={view.accountNumber}
          inputMode="numeric"
          autoComplete="off"
          invalid={view.invalid === 'accountNumber'}
        />
        <Field
          label={LABEL.accountPassword}
          name="accountPassword"
          type="password"
          inputMode="numeric"
          maxLength={ACCOUNT_PASSWORD_LENGTH}
          autoComplete="off"
          invalid={view.invalid === 'accountPassword'}
        />
        {anyMedium ? (
          <Actions>
            {(Object.keys(CHOICES) as Choice[]).map((choice) => (
              <Button name="medium" value={choice}>
                {CHOICES[choice].button}
              </Button>
            ))}
          </Actions>
        ) : null}
      </Form>
      {anyMedium ? null : (
        <div class="no-medium">
          <p>
            등록된 보안매체(보안카드, OTP, KB모바일인증서)가 없습니다. 모바일OTP를 발급받은 후 인증해 주세요.
          </p>
          <ButtonLink href={`${prefix}${MOBILE_OTP_PATH}`} variant="primary">
            모바일OTP 발급
          </ButtonLink>
        </div>
      )}
    </section>
  );
}

function MediumFields({ medium, flow, invalid }: { medium: ChosenMedium; flow: Flow; invalid: boolean }) {
  const secret = { type: 'password', inputMode: 'numeric', autoComplete: 'off', invalid } as const;
  if (medium === 'securityCard' && flow.securityCardChallenge) {
    const labels = securityCardLabels(flow.securityCardChallenge);
    return (
      <>
        <Field {...secret} label={labels.front} name="cardFront" maxLength={SECURITY_CARD_HALF} />
        <Field {...secret} label={labels.back} name="cardBack" maxLength={SECURITY_CARD_HALF} />
      </>
    );
  }
  if (medium === 'otp') return <Field {...secret} label={LABEL.otp} name="otp" maxLength={OTP_DIGITS} />;
  return <Field {...secret} label={LABEL.kbMobileCert} name="kbPin" maxLength={KB_MOBILE_CERT_PIN_LENGTH} />;
}

function MediumForm(props: { medium: ChosenMedium; flow: Flow; invalid: boolean; prefix: string }) {
  const { medium, flow, invalid } = props;
  return (
    <section>
      <h2>{MEDIUM_HEADING[medium]}</h2>
      <p>계좌 확인이 완료되었습니다. 보안매체 정보를 입력해 주세요.</p>
      <Form action={`${props.prefix}${MEDIUM_PATH}`}>
        <MediumFields medium={medium} flow={flow} invalid={invalid} />
        <Actions>
          <Button>확인</Button>
        </Actions>
      </Form>
    </section>
  );
}

function render(
  c: Context<AppEnv>,
  flow: Flow,
  customer: Customer,
  view: ScreenView,
  status: 200 | 400 | 403 = 200,
) {
  // A card screen always asks two positions; pick them if the flow somehow has none yet.
  if (flow.medium === 'securityCard' && !flow.securityCardChallenge) {
    flow.securityCardChallenge = pickSecurityCardChallenge(c.get('bank').randomInt);
  }
  return c.html(
    <FlowScreen
      flow={flow}
      screen="account"
      title="계좌/보안매체 인증"
      alert={view.alert}
      notice={view.notice}
    >
      {flow.medium ? (
        <MediumForm medium={flow.medium} flow={flow} invalid={status !== 200} prefix={flowUrl(c)} />
      ) : (
        <ChoiceForm
          customer={customer}
          prefix={flowUrl(c)}
          view={{ ...view, accountNumber: view.accountNumber ?? flow.accountNumber }}
        />
      )}
    </FlowScreen>,
    status,
  );
}

type Answer = { problem: string } | { right: boolean };

/** Reads and checks the medium's answer; a malformed one is a format problem and counts no error. */
function checkAnswer(
  bank: BankContext,
  flow: Flow,
  customer: Customer,
  medium: ChosenMedium,
  fields: Record<string, string>,
): Answer {
  const media = customer.media;
  if (medium === 'securityCard') {
    const front = field(fields, 'cardFront');
    const back = field(fields, 'cardBack');
    if (!isDigits(front, SECURITY_CARD_HALF) || !isDigits(back, SECURITY_CARD_HALF)) {
      return { problem: MSG.digitsFormat(LABEL.securityCard, SECURITY_CARD_HALF) };
    }
    const codes = media?.securityCard?.codes ?? [];
    let asked = flow.securityCardChallenge;
    // Fault: positions read as 0-based indexes, so [07] is checked against the 8th code.
    if (asked && faulty(bank, 'wrong-card-position-checked')) {
      asked = { front: asked.front + 1, back: asked.back + 1 };
    }
    return { right: !!asked && isRightSecurityCardAnswer(codes, asked, front, back) };
  }
  if (medium === 'otp') {
    const code = field(fields, 'otp');
    if (!isDigits(code, OTP_DIGITS)) return { problem: MSG.digitsFormat(LABEL.otp, OTP_DIGITS) };
    let window = OTP_WINDOW;
    // Fault: the window reaches two steps back, so a code from a minute ago still works.
    if (faulty(bank, 'otp-accepted-one-step-late')) window = { ...window, before: window.before + 1 };
    // Fault: the window starts at the current step, so the previous step's code is refused.
    if (faulty(bank, 'otp-previous-step-refused')) window = { ...window, before: 0 };
    // OTP devices run on real time: the customer's test clock never applies here.
    return { right: !!media?.otp && isValidOtp(media.otp.secret, code, bank.now(), window) };
  }
  const pin = field(fields, 'kbPin');
  if (!isDigits(pin, KB_MOBILE_CERT_PIN_LENGTH)) {
    return { problem: MSG.digitsFormat(LABEL.kbMobileCert, KB_MOBILE_CERT_PIN_LENGTH) };
  }
  return { right: !!media?.kbMobileCert && pin === media.kbMobileCert.pin };
}

export const account = new Hono<AppEnv>();

account.get(ACCOUNT_PATH, (c) => {
  const g = guardCustomer(c, 'account');
  if (!g.ok) return g.response;
  // Fault: meant to clear the form, opening the choice screen clears the wrong-try counts (locks stay).
  if (!g.flow.medium && faulty(c.get('bank'), 'limit-counter-resets-per-flow')) {
    g.customer.counters = emptyCounters();
  }
  return render(c, g.flow, g.customer, { alert: takeFlash(g.session), notice: takeNotice(g.session) });
});

account.post(ACCOUNT_PATH, async (c) => {
  const g = guardCustomer(c, 'account', { submit: true });
  if (!g.ok) return g.response;
  const { flow, customer } = g;
  const bank = c.get('bank');
  const fields = await formFields(c);
  const accountNumber = field(fields, 'accountNumber');
  const password = field(fields, 'accountPassword');
  const choice = field(fields, 'medium');
  // A new submission of the account form is a new choice, whatever screen showed before.
  backToChoice(flow);
  delete flow.accountNumber;
  const refuse = (alert: string, status: 400 | 403, invalid?: ScreenView['invalid']) =>
    render(c, flow, customer, { alert, accountNumber, invalid }, status);

  const digits = accountDigits(accountNumber);
  if (!digits) return refuse(MSG.accountFormat, 400, 'accountNumber');
  if (!isDigits(password, ACCOUNT_PASSWORD_LENGTH))
    return refuse(MSG.accountPasswordFormat, 400, 'accountPassword');
  if (!isChoice(choice)) return refuse(MSG.chooseMedium, 400);
  const medium = mediumFor(customer, choice);
  if (!medium) return refuse(MSG.mediumNotHeld(CHOICES[choice].name), 400);
  const locked = (['accountPassword', medium] as const).find((counted) => isLocked(customer, counted));
  if (locked) return refuse(MSG.limitExceeded(LOCK_NAME[locked]), 403);

  const matched = customer.accounts.find(
    (a) => a.number.replace(/-/g, '') === digits && a.password === password,
  );
  if (!matched) {
    if (faulty(bank, 'account-password-errors-not-counted')) {
      // Fault: the recording was lost; the alert shows the unchanged count and nothing ever locks.
      const count = customer.counters.accountPassword;
      return refuse(MSG.accountMismatch(count, ERROR_LIMITS.accountPassword), 400, 'accountPassword');
    }
    const wrong = recordWrongTry(customer, 'accountPassword');
    bank.log('account.checked', { result: wrong.outcome });
    if (wrong.outcome === 'locked') return refuse(MSG.limitExceeded(LOCK_NAME.accountPassword), 403);
    return refuse(MSG.accountMismatch(wrong.count, wrong.limit), 400, 'accountPassword');
  }
  recordRightTry(customer, 'accountPassword');
  bank.log('account.checked', { result: 'right', medium });
  flow.accountNumber = matched.number;
  flow.medium = medium;
  if (medium === 'securityCard') flow.securityCardChallenge = pickSecurityCardChallenge(bank.randomInt);
  return redirectInFlow(c, ACCOUNT_PATH);
});

account.post(MEDIUM_PATH, async (c) => {
  const g = guardCustomer(c, 'account', { submit: true });
  if (!g.ok) return g.response;
  const { flow, customer } = g;
  const bank = c.get('bank');
  const medium = flow.medium;
  // No medium chosen (or progress was reset to this step): the choice screen comes first.
  if (!medium) return redirectInFlow(c, ACCOUNT_PATH);
  const fields = await formFields(c);
  if (!holds(customer, medium)) {
    backToChoice(flow);
    return render(c, flow, customer, { alert: MSG.mediumNotHeld(LOCK_NAME[medium]) }, 400);
  }
  if (isLocked(customer, medium)) {
    backToChoice(flow);
    return render(c, flow, customer, { alert: MSG.limitExceeded(LOCK_NAME[medium]) }, 403);
  }

  const answer = checkAnswer(bank, flow, customer, medium, fields);
  if ('problem' in answer) return render(c, flow, customer, { alert: answer.problem }, 400);
  if (answer.right) {
    // Fault: the reset was lost; earlier wrong tries keep counting towards the lock.
    if (!faulty(bank, 'right-answer-keeps-counter')) recordRightTry(customer, medium);
    bank.log('medium.checked', { medium, result: 'right' });
    advanceTo(flow, 'details');
    return redirectInFlow(c, STEP_PATH.details);
  }
  // Fault: `>` where `>=` was meant, so the medium locks one wrong try after its limit.
  const lockAt = ERROR_LIMITS[medium] + (faulty(bank, 'lock-one-try-late') ? 1 : 0);
  const wrong = recordWrongTry(customer, medium, lockAt);
  bank.log('medium.checked', { medium, result: wrong.outcome });
  if (wrong.outcome === 'locked') {
    // The locked medium's fields would be useless: show the choice again, with the reason.
    backToChoice(flow);
    return render(c, flow, customer, { alert: MSG.limitExceeded(LOCK_NAME[medium]) }, 403);
  }
  // Each attempt at the card asks two new positions.
  if (medium === 'securityCard') flow.securityCardChallenge = pickSecurityCardChallenge(bank.randomInt);
  return render(
    c,
    flow,
    customer,
    { alert: MSG.mediumMismatch(MISMATCH_NAME[medium], wrong.count, wrong.limit) },
    400,
  );
});
