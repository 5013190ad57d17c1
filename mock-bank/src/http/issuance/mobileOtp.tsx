// 모바일OTP 발급 (spec §2.4): for a customer without any medium. An SMS code proves the phone, the new
// 모바일OTP lives in that phone, and the customer goes back to 계좌/보안매체 인증 to use it.
import { Hono, type Context } from 'hono';
import { MOBILE_OTP_CODE_TTL_MS, MOBILE_OTP_PIN_LENGTH, SMS, SMS_CODE_LENGTH } from '../../rules.ts';
import { holdsAnyMedium } from '../../domain/customer.ts';
import type { Flow } from '../../domain/flow.ts';
import { isDigits, maskMobile } from '../../domain/formats.ts';
import type { Challenge, Customer } from '../../domain/types.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import {
  checkTypedCode,
  expireChallenge,
  getChallenge,
  remainingMs,
  startChallenge,
} from '../../services/challenges.ts';
import { issueMobileOtp } from '../../services/customers.ts';
import { deliverSms } from '../../services/phone.ts';
import { Actions, Button, Countdown, Field, Form } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { field, formFields } from '../forms.ts';
import { STEP_PATH, flowUrl, redirectInFlow, takeFlash } from './guard.ts';
import { guardCustomer } from './flowCustomer.ts';

/** Under the flow's prefix; part of stage 4 (the account step links here). */
export const MOBILE_OTP_PATH = '/mobile-otp';
const CODE_PATH = `${MOBILE_OTP_PATH}/code`;
const EXPIRE_PATH = `${MOBILE_OTP_PATH}/expire`;

const LABEL = {
  code: '인증번호',
  pin: '모바일OTP 비밀번호 6자리',
  pinConfirm: '모바일OTP 비밀번호 확인',
  /** The PIN as the messages name it. */
  pinName: '모바일OTP 비밀번호',
} as const;

function flowChallenge(c: Context<AppEnv>, flow: Flow): Challenge | undefined {
  const challenge = getChallenge(c.get('bank'), flow.mobileOtpChallengeId);
  return challenge?.kind === 'mobileOtp' ? challenge : undefined;
}

interface ScreenView {
  alert?: string | undefined;
  /** The typed code, kept when the problem was elsewhere; the PINs are never shown again. */
  code?: string | undefined;
  invalid?: 'code' | 'pin' | undefined;
}

function render(
  c: Context<AppEnv>,
  flow: Flow,
  customer: Customer,
  view: ScreenView,
  status: 200 | 400 = 200,
) {
  const challenge = flowChallenge(c, flow);
  const url = (path: string) => flowUrl(c, path);
  return c.html(
    <FlowScreen flow={flow} screen="account" title="모바일OTP 발급" alert={view.alert}>
      <section>
        <h2>모바일OTP 발급</h2>
        <p>
          인증번호를 등록된 휴대폰 <strong>{maskMobile(customer.phone)}</strong>에 문자로 보내 드립니다.
          인증번호를 입력하고 모바일OTP에서 사용할 비밀번호를 설정해 주세요.
        </p>
        <Form action={url(CODE_PATH)}>
          <Actions>
            <Button variant={challenge ? 'secondary' : 'primary'}>인증번호 요청</Button>
          </Actions>
        </Form>
        {challenge ? (
          <>
            {/* Only a waiting code has a countdown: at 0:00 app.js expires it and reloads. */}
            {challenge.state === 'waiting' ? (
              <Countdown remainingMs={remainingMs(c.get('bank'), challenge)} expireUrl={url(EXPIRE_PATH)} />
            ) : null}
            <Form action={url(MOBILE_OTP_PATH)}>
              <Field
                label={LABEL.code}
                name="code"
                value={view.code}
                inputMode="numeric"
                maxLength={SMS_CODE_LENGTH}
                autoComplete="one-time-code"
                invalid={view.invalid === 'code'}
              />
              <Field
                label={LABEL.pin}
                name="pin"
                type="password"
                inputMode="numeric"
                maxLength={MOBILE_OTP_PIN_LENGTH}
                autoComplete="new-password"
                invalid={view.invalid === 'pin'}
              />
              <Field
                label={LABEL.pinConfirm}
                name="pinConfirm"
                type="password"
                inputMode="numeric"
                maxLength={MOBILE_OTP_PIN_LENGTH}
                autoComplete="new-password"
                invalid={view.invalid === 'pin'}
              />
              <Actions>
                <Button>발급</Button>
              </Actions>
            </Form>
          </>
        ) : null}
      </section>
    </FlowScreen>,
    status,
  );
}

/** The 모바일OTP screens are only for a customer holding no medium at all; anyone else authenticates. */
function guardNoMedium(c: Context<AppEnv>, opts: { submit?: boolean } = {}) {
  const g = guardCustomer(c, 'account', opts);
  if (g.ok && holdsAnyMedium(g.customer))
    return { ok: false as const, response: redirectInFlow(c, STEP_PATH.account) };
  return g;
}

export const mobileOtp = new Hono<AppEnv>();

mobileOtp.get(MOBILE_OTP_PATH, (c) => {
  const g = guardNoMedium(c);
  if (!g.ok) return g.response;
  const state = flowChallenge(c, g.flow)?.state;
  return render(c, g.flow, g.customer, {
    alert: takeFlash(g.session) ?? (state === 'expired' ? MSG.codeTimeout : undefined),
  });
});

mobileOtp.post(CODE_PATH, (c) => {
  const g = guardNoMedium(c, { submit: true });
  if (!g.ok) return g.response;
  const bank = c.get('bank');
  const challenge = startChallenge(bank, 'mobileOtp', g.customer, {
    ttlMs: MOBILE_OTP_CODE_TTL_MS,
    codeLength: SMS_CODE_LENGTH,
  });
  deliverSms(bank, g.customer.phone, SMS.code(challenge.code));
  g.flow.mobileOtpChallengeId = challenge.id;
  return redirectInFlow(c, MOBILE_OTP_PATH);
});

mobileOtp.post(MOBILE_OTP_PATH, async (c) => {
  const g = guardNoMedium(c, { submit: true });
  if (!g.ok) return g.response;
  const { flow, customer, session } = g;
  const fields = await formFields(c);
  const code = field(fields, 'code');
  const pin = field(fields, 'pin');
  const pinConfirm = field(fields, 'pinConfirm');
  const refuse = (alert: string, invalid: ScreenView['invalid']) =>
    render(c, flow, customer, { alert, invalid, code: invalid === 'code' ? undefined : code }, 400);

  const challenge = flowChallenge(c, flow);
  if (!challenge) return refuse(MSG.codeNotRequested, 'code');
  if (!isDigits(code, SMS_CODE_LENGTH)) return refuse(MSG.digitsFormat(LABEL.code, SMS_CODE_LENGTH), 'code');
  if (!isDigits(pin, MOBILE_OTP_PIN_LENGTH))
    return refuse(MSG.digitsFormat(LABEL.pinName, MOBILE_OTP_PIN_LENGTH), 'pin');
  if (pin !== pinConfirm) return refuse(MSG.pinMismatch, 'pin');
  // Last, because a right code settles the challenge: nothing may fail after it.
  let checked = checkTypedCode(c.get('bank'), challenge, code);
  // Fault: the outcome of the code check is never used; any six digits pass.
  if (faulty(c.get('bank'), 'mobile-otp-without-sms-code')) checked = 'confirmed';
  if (checked === 'wrong') return refuse(MSG.codeMismatch, 'code');
  if (checked === 'late') return refuse(MSG.codeTimeout, 'code');

  issueMobileOtp(c.get('bank'), customer);
  delete flow.mobileOtpChallengeId;
  session.notice = MSG.mobileOtpIssued;
  return redirectInFlow(c, STEP_PATH.account);
});

/** The countdown reached 0:00: that code is refused from now on. */
mobileOtp.post(EXPIRE_PATH, (c) => {
  const flow = c.get('session').flow;
  const challenge = flow && flowChallenge(c, flow);
  if (challenge) expireChallenge(c.get('bank'), challenge);
  return c.body(null, 204);
});
