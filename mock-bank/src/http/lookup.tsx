// 아이디찾기 (spec §6): outside the flow state, in session.lookup. Name + 주민등록번호 + phone → a 6-digit
// SMS code with a 3-minute countdown → the user ID, and `이 아이디로 계속` hands it to the flow.
import { Hono, type Context } from 'hono';
import type { PropsWithChildren } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ID_LOOKUP_CODE_TTL_MS, SMS, SMS_CODE_LENGTH } from '../rules.ts';
import { faulty } from '../faults.ts';
import { MSG } from '../messages.ts';
import { resetTo } from '../domain/flow.ts';
import { isDigits, maskMobile, normalizeMobile } from '../domain/formats.ts';
import type { ChallengeState } from '../domain/types.ts';
import {
  checkTypedCode,
  expireChallenge,
  getChallenge,
  remainingMs,
  startChallenge,
} from '../services/challenges.ts';
import { deliverSms } from '../services/phone.ts';
import type { LookupState } from '../store.ts';
import { Actions, Alert, Button, Countdown, Field, Form, PageHeading } from '../views/components.tsx';
import { Layout, type Door } from '../views/Layout.tsx';
import type { AppEnv } from './env.ts';
import { field, formFields, readRrn } from './forms.ts';
import { redirectInFlow, STEP_PATH, startFlow } from './issuance/guard.ts';
import { loggedInName } from './session.ts';

const BASE = '/id-lookup';
const URLS = {
  page: BASE,
  code: `${BASE}/code`,
  verify: `${BASE}/verify`,
  expire: `${BASE}/expire`,
  continue: `${BASE}/continue`,
} as const;

/** What the request form shows again; the 주민등록번호 back half is a secret and never comes back. */
interface RequestValues {
  name: string;
  rrnFront: string;
  phone: string;
}
type RequestField = 'name' | 'rrn' | 'phone';

const EMPTY_VALUES: RequestValues = { name: '', rrnFront: '', phone: '' };

/** The code sent for this session's lookup, as the screen needs it. */
interface SentCode {
  state: ChallengeState;
  remainingMs: number;
  maskedPhone: string;
}

interface ScreenProps {
  alert?: string | undefined;
  values: RequestValues;
  invalid?: RequestField | 'code' | undefined;
  sent?: SentCode | undefined;
}

function RequestForm({ values, invalid }: Pick<ScreenProps, 'values' | 'invalid'>) {
  return (
    <Form action={URLS.code}>
      <Field label="이름" name="name" value={values.name} autoComplete="name" invalid={invalid === 'name'} />
      <Field
        label="주민등록번호 앞자리"
        name="rrnFront"
        value={values.rrnFront}
        inputMode="numeric"
        maxLength={6}
        autoComplete="off"
        invalid={invalid === 'rrn'}
      />
      <Field
        label="주민등록번호 뒷자리"
        name="rrnBack"
        type="password"
        inputMode="numeric"
        maxLength={7}
        autoComplete="off"
        invalid={invalid === 'rrn'}
      />
      <Field
        label="휴대폰번호"
        name="phone"
        type="tel"
        value={values.phone}
        inputMode="tel"
        maxLength={13}
        autoComplete="tel"
        invalid={invalid === 'phone'}
        hint="예: 010-1234-5678"
      />
      <Actions>
        <Button>인증번호 요청</Button>
      </Actions>
    </Form>
  );
}

/** The code field stays even after the time is up, so a late code gets its own answer (spec §6). */
function CodeForm({ sent, invalid }: { sent: SentCode; invalid: boolean }) {
  return (
    <section class="code-entry" aria-label="인증번호 확인">
      <p>
        <strong>{sent.maskedPhone}</strong>(으)로 인증번호 6자리를 보냈습니다.
      </p>
      <Form action={URLS.verify}>
        <Field
          label="인증번호"
          name="code"
          inputMode="numeric"
          maxLength={SMS_CODE_LENGTH}
          autoComplete="one-time-code"
          invalid={invalid}
        />
        {sent.state === 'waiting' ? (
          <Countdown remainingMs={sent.remainingMs} expireUrl={URLS.expire} />
        ) : null}
        <Actions>
          <Button>확인</Button>
        </Actions>
      </Form>
    </section>
  );
}

function LookupPage(
  props: PropsWithChildren<{ door: Door; loggedInName: string | undefined; alert?: string | undefined }>,
) {
  return (
    <Layout title="아이디찾기 - KB국민은행" door={props.door} loggedInName={props.loggedInName}>
      <PageHeading>아이디찾기</PageHeading>
      <Alert message={props.alert} />
      {props.children}
    </Layout>
  );
}

/** The code this session's lookup sent, refreshed (the server's backstop may have expired it). */
function sentCode(c: Context<AppEnv>, lookup: LookupState): SentCode | undefined {
  const bank = c.get('bank');
  const challenge = getChallenge(bank, lookup.challengeId);
  if (!challenge) return undefined;
  return {
    state: challenge.state,
    remainingMs: remainingMs(bank, challenge),
    maskedPhone: maskMobile(challenge.phone),
  };
}

function door(c: Context<AppEnv>): Door {
  return c.get('session').flow?.door ?? 'web';
}

/**
 * The lookup screen as this session's state has it: the request form, plus the code form once a code was
 * sent; a code whose time is up says so unless the screen has a more specific alert.
 */
function renderLookup(
  c: Context<AppEnv>,
  props: Partial<ScreenProps> = {},
  status: ContentfulStatusCode = 200,
) {
  const session = c.get('session');
  const lookup = session.lookup;
  const sent = lookup ? sentCode(c, lookup) : undefined;
  // A lookup whose code is gone (its customer was deleted) is over.
  if (lookup && !sent) delete session.lookup;
  const values =
    props.values ??
    (lookup ? { name: lookup.name, rrnFront: lookup.rrnFront, phone: lookup.phone } : EMPTY_VALUES);
  const late = sent !== undefined && sent.state !== 'waiting' && sent.state !== 'confirmed';
  const alert = props.alert ?? (late ? MSG.codeTimeout : undefined);
  return c.html(
    <LookupPage door={door(c)} loggedInName={loggedInName(c)} alert={alert}>
      <p>가입하신 고객 정보와 휴대폰번호로 본인확인 후 사용자ID를 알려 드립니다.</p>
      <RequestForm values={values} invalid={props.invalid} />
      {sent ? <CodeForm sent={sent} invalid={props.invalid === 'code'} /> : null}
    </LookupPage>,
    status,
  );
}

function renderFound(c: Context<AppEnv>, userId: string) {
  return c.html(
    <LookupPage door={door(c)} loggedInName={loggedInName(c)}>
      <p class="lookup-result">{MSG.idLookupResult(userId)}</p>
      <Form action={URLS.continue}>
        <Actions>
          <Button>이 아이디로 계속</Button>
        </Actions>
      </Form>
    </LookupPage>,
  );
}

export const lookup = new Hono<AppEnv>();

lookup.get(URLS.page, (c) => {
  const state = c.get('session').lookup;
  if (state?.verified && c.get('bank').store.getCustomer(state.userId)) return renderFound(c, state.userId);
  return renderLookup(c);
});

lookup.post(URLS.code, async (c) => {
  const bank = c.get('bank');
  const fields = await formFields(c);
  const values: RequestValues = {
    name: field(fields, 'name'),
    rrnFront: field(fields, 'rrnFront'),
    phone: field(fields, 'phone'),
  };
  const refuse = (alert: string, invalid?: RequestField) => renderLookup(c, { alert, values, invalid }, 400);

  if (!values.name) return refuse(MSG.nameRequired, 'name');
  const rrn = readRrn(bank, values.rrnFront, field(fields, 'rrnBack'));
  if (!rrn.ok) return refuse(rrn.message, 'rrn');
  const phone = normalizeMobile(values.phone);
  if (!phone) return refuse(MSG.phoneFormat, 'phone');

  const customer = bank.store.findCustomerByRrn(rrn.rrn);
  let matches = !!customer && customer.name === values.name && customer.phone === phone;
  let textTo = customer?.phone;
  if (faulty(bank, 'id-lookup-shows-another-customers-id')) {
    // Fault: "the code proves the phone", so the registered one is not compared and the code goes to
    // the number typed: whoever knows a customer's name and 주민등록번호 reads their ID on any phone.
    matches = !!customer && customer.name === values.name;
    textTo = phone;
  }
  if (!customer || !matches || !textTo) {
    bank.log('idLookup.noMatch', {});
    return refuse(MSG.noCustomer);
  }
  const challenge = startChallenge(bank, 'idLookup', customer, {
    ttlMs: ID_LOOKUP_CODE_TTL_MS,
    codeLength: SMS_CODE_LENGTH,
  });
  deliverSms(bank, textTo, SMS.code(challenge.code));
  c.get('session').lookup = {
    challengeId: challenge.id,
    userId: customer.userId,
    name: values.name,
    rrnFront: values.rrnFront,
    phone,
  };
  return c.redirect(URLS.page, 303);
});

lookup.post(URLS.verify, async (c) => {
  const bank = c.get('bank');
  const state = c.get('session').lookup;
  if (!state || state.verified) return c.redirect(URLS.page, 303);
  const challenge = getChallenge(bank, state.challengeId);
  if (!challenge) return c.redirect(URLS.page, 303);
  const code = field(await formFields(c), 'code');
  // Fault: only the code is compared, so the right code works after its time is up.
  if (faulty(bank, 'id-lookup-late-code-accepted') && code === challenge.code) {
    state.verified = true;
    return c.redirect(URLS.page, 303);
  }
  // A code past its time is refused whatever was typed.
  if (challenge.state !== 'waiting') return renderLookup(c, { alert: MSG.codeTimeout }, 400);
  if (!isDigits(code, SMS_CODE_LENGTH))
    return renderLookup(c, { alert: MSG.digitsFormat('인증번호', SMS_CODE_LENGTH), invalid: 'code' }, 400);

  const outcome = checkTypedCode(bank, challenge, code);
  bank.log('idLookup.code', { outcome });
  if (outcome === 'wrong') return renderLookup(c, { alert: MSG.codeMismatch, invalid: 'code' }, 400);
  if (outcome === 'late') return renderLookup(c, { alert: MSG.codeTimeout }, 400);
  state.verified = true;
  return c.redirect(URLS.page, 303);
});

/** The browser's countdown reached 0:00: the code is refused from now on. */
lookup.post(URLS.expire, (c) => {
  const bank = c.get('bank');
  const state = c.get('session').lookup;
  const challenge = state && !state.verified ? getChallenge(bank, state.challengeId) : undefined;
  if (challenge) expireChallenge(bank, challenge);
  return c.body(null, 204);
});

/**
 * `이 아이디로 계속`: 약관동의 first if the flow has not passed it (a new flow when there is none, or the
 * old one is complete), else back to 사용자 정보 입력; either way with the user ID filled in.
 */
lookup.post(URLS.continue, (c) => {
  const session = c.get('session');
  const state = session.lookup;
  if (!state?.verified || !c.get('bank').store.getCustomer(state.userId)) return c.redirect(URLS.page, 303);
  delete session.lookup;

  let flow = session.flow;
  if (!flow || flow.step === 'complete') {
    const started = startFlow(c, flow?.door ?? 'web');
    flow = started.flow;
    delete session.flash;
    if (started.loggedOut) session.notice = MSG.loggedOutNotice;
  }
  flow.prefillUserId = state.userId;
  if (flow.step === 'terms') return redirectInFlow(c, STEP_PATH.terms);
  resetTo(flow, 'userInfo');
  return redirectInFlow(c, STEP_PATH.userInfo);
});
