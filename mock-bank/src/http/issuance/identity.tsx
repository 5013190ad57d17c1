import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isAbroad } from '../../domain/customer.ts';
import { advanceTo, canVisit, type Flow } from '../../domain/flow.ts';
import { maskMobile } from '../../domain/formats.ts';
import type { Challenge, Customer } from '../../domain/types.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import { ARS_CODE_LENGTH, ARS_CODE_TTL_MS } from '../../rules.ts';
import { expireChallenge, getChallenge, remainingMs, startChallenge } from '../../services/challenges.ts';
import { CodeWaitPanel, codeStateAlert } from '../../views/CodeWaitPanel.tsx';
import { Actions, Button, Fieldset, Form, Radio } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { field, formFields } from '../forms.ts';
import { guardCustomer } from './flowCustomer.ts';
import { STEP_PATH, flowUrl, redirectInFlow, takeFlash, takeNotice } from './guard.ts';

const STATUS_PATH = `${STEP_PATH.identity}/status`;
const EXPIRE_PATH = `${STEP_PATH.identity}/expire`;
/** 재요청: a new ARS call without choosing the method again. */
const RETRY_PATH = `${STEP_PATH.identity}/retry`;

const Method = z.enum(['ars', 'overseas']);
type Method = z.infer<typeof Method>;

interface ScreenProps {
  flow: Flow;
  /** Where this bank serves the flow (MOCK_BANK_FLOW_PREFIX). */
  prefix: string;
  /** The registered phone, masked (`010-****-1234`). */
  maskedPhone: string;
  call: Challenge | undefined;
  remainingMs: number;
  method?: Method | undefined;
  alert?: string | undefined;
  notice?: string | undefined;
}

function IdentityScreen(props: ScreenProps) {
  const { call } = props;
  const method = props.method ?? (call ? 'ars' : undefined);
  const url = (path: string) => `${props.prefix}${path}`;
  return (
    <FlowScreen
      flow={props.flow}
      screen="identity"
      title="본인인증"
      alert={props.alert ?? codeStateAlert(call?.state)}
      notice={props.notice}
    >
      <Form action={url(STEP_PATH.identity)}>
        <Fieldset legend="본인인증 방법">
          <Radio label="전화인증(ARS)" name="method" value="ars" checked={method === 'ars'} />
          <Radio label="해외출국 확인" name="method" value="overseas" checked={method === 'overseas'} />
        </Fieldset>
        <Actions>
          <Button>인증요청</Button>
        </Actions>
      </Form>
      {call ? (
        <CodeWaitPanel
          codeLabel="ARS 인증번호"
          code={call.code}
          remainingMs={props.remainingMs}
          expireUrl={url(EXPIRE_PATH)}
          statusUrl={url(STATUS_PATH)}
          nextUrl={url(STEP_PATH.account)}
          state={call.state}
          retryAction={url(RETRY_PATH)}
          maskedPhone={props.maskedPhone}
          phoneCaption="ARS 전화를 건 휴대폰"
          instructions="전화를 받고 아래 인증번호를 휴대폰 키패드로 눌러 주세요."
        />
      ) : null}
    </FlowScreen>
  );
}

type Extras = Pick<ScreenProps, 'method' | 'alert' | 'notice'>;

function render(c: Context<AppEnv>, flow: Flow, customer: Customer, extras: Extras, status: 200 | 400 = 200) {
  const bank = c.get('bank');
  const call = getChallenge(bank, flow.identityChallengeId);
  const remaining = call ? remainingMs(bank, call) : 0;
  let maskedPhone = maskMobile(customer.phone);
  // Fault: a hand-made mask that hides only two middle digits (010-12**-5678).
  if (faulty(bank, 'masked-phone-shows-too-much')) {
    maskedPhone = customer.phone.replace(/-(\d+)\d{2}-/, '-$1**-');
  }
  return c.html(
    <IdentityScreen
      flow={flow}
      prefix={flowUrl(c)}
      maskedPhone={maskedPhone}
      call={call}
      remainingMs={remaining}
      {...extras}
    />,
    status,
  );
}

/** A new 인증요청 or 재요청 ends any call still ringing, whichever method is chosen now. */
function endCall(c: Context<AppEnv>, flow: Flow): void {
  const previous = getChallenge(c.get('bank'), flow.identityChallengeId);
  if (previous) expireChallenge(c.get('bank'), previous);
  delete flow.identityChallengeId;
}

/** Rings the customer's phone with a new code and shows the waiting screen. */
function callCustomer(c: Context<AppEnv>, flow: Flow, customer: Customer) {
  endCall(c, flow);
  const call = startChallenge(c.get('bank'), 'ars', customer, {
    ttlMs: ARS_CODE_TTL_MS,
    codeLength: ARS_CODE_LENGTH,
  });
  flow.identityChallengeId = call.id;
  return redirectInFlow(c, STEP_PATH.identity);
}

export const identity = new Hono<AppEnv>();

identity.get(STEP_PATH.identity, (c) => {
  const guarded = guardCustomer(c, 'identity');
  if (!guarded.ok) return guarded.response;
  const { flow, session, customer } = guarded;
  // A call confirmed while the page was not polling (no JavaScript, a reload): move on now.
  if (
    flow.step === 'identity' &&
    getChallenge(c.get('bank'), flow.identityChallengeId)?.state === 'confirmed'
  ) {
    advanceTo(flow, 'account');
    return redirectInFlow(c, STEP_PATH.account);
  }
  return render(c, flow, customer, { alert: takeFlash(session), notice: takeNotice(session) });
});

identity.post(STEP_PATH.identity, async (c) => {
  const guarded = guardCustomer(c, 'identity', { submit: true });
  if (!guarded.ok) return guarded.response;
  const { flow, customer } = guarded;
  const method = Method.safeParse(field(await formFields(c), 'method'));
  if (!method.success) return render(c, flow, customer, { alert: MSG.chooseIdentityMethod }, 400);
  if (method.data === 'ars') return callCustomer(c, flow, customer);

  endCall(c, flow);
  let abroad = isAbroad(customer);
  // Fault: any departure record passes, returned or not.
  if (faulty(c.get('bank'), 'returned-traveller-passes')) abroad = customer.abroad !== null;
  if (!abroad) {
    return render(c, flow, customer, { alert: MSG.noDeparture, method: 'overseas' }, 400);
  }
  advanceTo(flow, 'account');
  return redirectInFlow(c, STEP_PATH.account);
});

identity.post(RETRY_PATH, (c) => {
  const guarded = guardCustomer(c, 'identity', { submit: true });
  if (!guarded.ok) return guarded.response;
  return callCustomer(c, guarded.flow, guarded.customer);
});

/**
 * The page's poll: the call's state as JSON. Anything that is not this flow's call reads as `expired`,
 * so the page reloads and the step guard answers properly.
 */
identity.get(STATUS_PATH, (c) => {
  const flow = c.get('session').flow;
  if (!flow || !canVisit(flow, 'identity')) return c.json({ state: 'expired' });
  const call = getChallenge(c.get('bank'), flow.identityChallengeId);
  if (!call) return c.json({ state: 'expired' });
  if (call.state === 'confirmed') advanceTo(flow, 'account');
  return c.json({ state: call.state });
});

/** The countdown reached 0:00 in the browser: the server refuses that call from now on. */
identity.post(EXPIRE_PATH, (c) => {
  const bank = c.get('bank');
  const call = getChallenge(bank, c.get('session').flow?.identityChallengeId);
  // Fault: the handler answers 204 but never expires the call, so the page's 0:00 changes nothing.
  if (call && !faulty(bank, 'ars-expire-ignored')) expireChallenge(bank, call);
  return c.body(null, 204);
});
