// 인증서 설정, first half (spec §2.5): the 금융결제원 cloud checks the person's details, then waits for
// the customer's phone to send the two-digit code by SMS (services/phone.ts smsFromPhone answers it).
import { Hono, type Context } from 'hono';
import { CLOUD_SMS_CODE_LENGTH, CLOUD_SMS_CODE_TTL_MS, SERVER_DEADLINE_GRACE_MS } from '../../rules.ts';
import { advanceTo, type Flow } from '../../domain/flow.ts';
import { maskMobile, normalizeMobile } from '../../domain/formats.ts';
import { joinRrn, rrnProblem } from '../../domain/rrn.ts';
import type { Challenge, Customer } from '../../domain/types.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import { expireChallenge, getChallenge, remainingMs, startChallenge } from '../../services/challenges.ts';
import { CodeWaitPanel, codeStateAlert } from '../../views/CodeWaitPanel.tsx';
import { Actions, Button, Checkbox, Field, Form } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { field, formFields } from '../forms.ts';
import { STEP_PATH, flowUrl, redirectInFlow, takeFlash, takeNotice } from './guard.ts';
import { guardCustomer } from './flowCustomer.ts';

const CLOUD_PATH = STEP_PATH.cloud;
const STATUS_PATH = `${CLOUD_PATH}/status`;
const EXPIRE_PATH = `${CLOUD_PATH}/expire`;
const RETRY_PATH = `${CLOUD_PATH}/retry`;

/** What the form keeps after a refusal; the 뒷자리 never comes back. */
interface Typed {
  name: string;
  phone: string;
  rrnFront: string;
  terms: boolean;
}
const EMPTY: Typed = { name: '', phone: '', rrnFront: '', terms: false };
type Invalid = 'name' | 'phone' | 'rrn' | 'terms';

function flowChallenge(c: Context<AppEnv>, flow: Flow): Challenge | undefined {
  const challenge = getChallenge(c.get('bank'), flow.cloudChallengeId);
  return challenge?.kind === 'cloudSms' ? challenge : undefined;
}

function DetailsForm(props: { action: string; typed: Typed; invalid?: Invalid | undefined }) {
  const { typed, invalid } = props;
  return (
    <Form action={props.action}>
      <Field label="이름" name="name" value={typed.name} autoComplete="name" invalid={invalid === 'name'} />
      <Field
        label="휴대폰번호"
        name="phone"
        type="tel"
        value={typed.phone}
        inputMode="tel"
        autoComplete="tel"
        invalid={invalid === 'phone'}
      />
      <Field
        label="주민등록번호 앞자리"
        name="rrnFront"
        value={typed.rrnFront}
        inputMode="numeric"
        autoComplete="off"
        invalid={invalid === 'rrn'}
      />
      <Field
        label="주민등록번호 뒷자리"
        name="rrnBack"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        invalid={invalid === 'rrn'}
      />
      <Checkbox label="금융인증서비스 이용약관 동의" name="cloudTerms" checked={typed.terms} />
      <Actions>
        <Button>인증요청</Button>
      </Actions>
    </Form>
  );
}

interface ScreenView {
  alert?: string | undefined;
  notice?: string | undefined;
  typed?: Typed;
  invalid?: Invalid | undefined;
}

function render(
  c: Context<AppEnv>,
  flow: Flow,
  customer: Customer,
  view: ScreenView,
  status: 200 | 400 = 200,
) {
  const bank = c.get('bank');
  const challenge = flowChallenge(c, flow);
  let remaining = challenge ? remainingMs(bank, challenge) : 0;
  // Fault: the countdown runs to the server's backstop (3:30) instead of the code's own 3:00.
  if (faulty(bank, 'cloud-countdown-to-backstop')) remaining += SERVER_DEADLINE_GRACE_MS;
  const url = (path: string) => flowUrl(c, path);
  return c.html(
    <FlowScreen
      flow={flow}
      screen="cloud"
      title="금융인증서 설정"
      alert={codeStateAlert(challenge?.state) ?? view.alert}
      notice={view.notice}
    >
      <section>
        <h2>금융결제원 클라우드 인증</h2>
        {challenge ? (
          <CodeWaitPanel
            codeLabel="SMS 인증번호"
            code={challenge.code}
            remainingMs={remaining}
            expireUrl={url(EXPIRE_PATH)}
            statusUrl={url(STATUS_PATH)}
            nextUrl={url(STEP_PATH.password)}
            state={challenge.state}
            retryAction={url(RETRY_PATH)}
            maskedPhone={maskMobile(customer.phone)}
            phoneCaption="인증할 휴대폰"
            instructions="아래 인증번호 두 자리를 이 휴대폰에서 문자(SMS)로 보내 주세요. 확인되면 다음 단계로 자동으로 넘어갑니다."
          />
        ) : (
          <>
            <p>금융인증서는 금융결제원 클라우드에 보관됩니다. 본인 확인을 위해 아래 정보를 입력해 주세요.</p>
            <DetailsForm action={url(CLOUD_PATH)} typed={view.typed ?? EMPTY} invalid={view.invalid} />
          </>
        )}
      </section>
    </FlowScreen>,
    status,
  );
}

/** The format problem of the typed details, checked before the terms and the match. */
function formatProblem(typed: Typed, rrn: string | null): { alert: string; invalid: Invalid } | null {
  if (!typed.name) return { alert: MSG.nameRequired, invalid: 'name' };
  if (!normalizeMobile(typed.phone)) return { alert: MSG.phoneFormat, invalid: 'phone' };
  if (!rrn) return { alert: MSG.rrnFormat, invalid: 'rrn' };
  if (rrnProblem(rrn)) return { alert: MSG.rrnInvalid, invalid: 'rrn' };
  return null;
}

function sendCode(c: Context<AppEnv>, flow: Flow, customer: Customer): Response {
  const challenge = startChallenge(c.get('bank'), 'cloudSms', customer, {
    ttlMs: CLOUD_SMS_CODE_TTL_MS,
    codeLength: CLOUD_SMS_CODE_LENGTH,
  });
  flow.cloudChallengeId = challenge.id;
  return redirectInFlow(c, CLOUD_PATH);
}

export const cloud = new Hono<AppEnv>();

cloud.get(CLOUD_PATH, (c) => {
  const g = guardCustomer(c, 'cloud');
  if (!g.ok) return g.response;
  const { flow, customer, session } = g;
  // The poller may have missed it (no JavaScript, or a reload): a confirmed code moves on here too.
  if (flowChallenge(c, flow)?.state === 'confirmed') {
    advanceTo(flow, 'password');
    return redirectInFlow(c, STEP_PATH.password);
  }
  return render(c, flow, customer, { alert: takeFlash(session), notice: takeNotice(session) });
});

cloud.post(CLOUD_PATH, async (c) => {
  const g = guardCustomer(c, 'cloud', { submit: true });
  if (!g.ok) return g.response;
  const { flow, customer } = g;
  // New details mean a new request: an older code of this flow no longer counts.
  const old = flowChallenge(c, flow);
  if (old) expireChallenge(c.get('bank'), old);
  delete flow.cloudChallengeId;

  const fields = await formFields(c);
  const typed: Typed = {
    name: field(fields, 'name'),
    phone: field(fields, 'phone'),
    rrnFront: field(fields, 'rrnFront'),
    terms: field(fields, 'cloudTerms') !== '',
  };
  const rrn = joinRrn(typed.rrnFront, field(fields, 'rrnBack'));
  const refuse = (alert: string, invalid?: Invalid) =>
    render(c, flow, customer, { alert, typed, invalid }, 400);

  const problem = formatProblem(typed, rrn);
  if (problem) return refuse(problem.alert, problem.invalid);
  if (!typed.terms) return refuse(MSG.cloudTermsRequired, 'terms');
  // Fault: the name comparison was dropped; another person's name passes.
  const sameName = typed.name === customer.name || faulty(c.get('bank'), 'cloud-name-not-checked');
  const matches =
    sameName && normalizeMobile(typed.phone) === normalizeMobile(customer.phone) && rrn === customer.rrn;
  if (!matches) return refuse(MSG.mismatch);
  return sendCode(c, flow, customer);
});

/** 재요청: a new code for the details already checked, without typing them again. */
cloud.post(RETRY_PATH, (c) => {
  const g = guardCustomer(c, 'cloud', { submit: true });
  if (!g.ok) return g.response;
  if (!g.flow.cloudChallengeId) return redirectInFlow(c, CLOUD_PATH);
  return sendCode(c, g.flow, g.customer);
});

/** The poll: `{ state }`. A missing flow or code reads as expired, so the page reloads and the guard decides. */
cloud.get(STATUS_PATH, (c) => {
  const flow = c.get('session').flow;
  const challenge = flow && flowChallenge(c, flow);
  if (!flow || !challenge) return c.json({ state: 'expired' });
  if (challenge.state === 'confirmed') advanceTo(flow, 'password');
  return c.json({ state: challenge.state });
});

/** The countdown reached 0:00: that code is refused from now on. */
cloud.post(EXPIRE_PATH, (c) => {
  const flow = c.get('session').flow;
  const challenge = flow && flowChallenge(c, flow);
  if (challenge) expireChallenge(c.get('bank'), challenge);
  return c.body(null, 204);
});
