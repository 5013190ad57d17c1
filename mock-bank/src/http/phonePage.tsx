// The virtual phone (spec §5) for a person walking the flow by hand, e.g. in a second tab or on a phone:
// what the phone received and sent, newest first, the 모바일OTP code, a keypad for the ARS call and an
// SMS box for the cloud step. It never reads or writes the session (the flow's tab shares it).
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { MSG } from '../messages.ts';
import { normalizeMobile } from '../domain/formats.ts';
import { otpCode } from '../domain/otp.ts';
import { formatKstDateTime } from '../domain/validity.ts';
import { keypad, phoneView, smsFromPhone, type CallState, type PhoneView } from '../services/phone.ts';
import {
  Actions,
  Alert,
  Button,
  CodeOutput,
  Field,
  Form,
  Notice,
  PageHeading,
  Poller,
} from '../views/components.tsx';
import { Layout } from '../views/Layout.tsx';
import type { AppEnv } from './env.ts';
import { formFields } from './forms.ts';

/** Screen input bounds: an ARS answer is a few digits, an SMS a short text. */
const KEYPAD_MAX_DIGITS = 10;
const SMS_TEXT_MAX_LENGTH = 200;

const KeypadForm = z.object({
  digits: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,${KEYPAD_MAX_DIGITS}}$`)),
});
const SmsForm = z.object({ text: z.string().trim().min(1).max(SMS_TEXT_MAX_LENGTH) });

const CALL_STATE_LABEL: Record<CallState, string> = {
  ringing: '수신 중',
  confirmed: '인증 완료',
  failed: '인증 실패',
  expired: '시간 초과',
};

const phoneUrl = (number: string, action?: 'keypad' | 'sms' | 'status') =>
  `/phone/${encodeURIComponent(number)}${action ? `/${action}` : ''}`;

type Entry =
  | { kind: 'sms'; at: string; order: number; direction: 'in' | 'out'; text: string }
  | { kind: 'call'; at: string; order: number; state: CallState };

/** SMS and calls in one list, newest first (same instant: the later-recorded one first). */
function newestFirst(view: PhoneView): Entry[] {
  const entries: Entry[] = [
    ...view.sms.map((m, i) => ({
      kind: 'sms' as const,
      at: m.at,
      order: i,
      direction: m.direction,
      text: m.text,
    })),
    ...view.calls.map((call, i) => ({
      kind: 'call' as const,
      at: call.at,
      order: view.sms.length + i,
      state: call.state,
    })),
  ];
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.order - a.order);
}

/** Changes whenever an SMS arrives or leaves or a call changes state: the page reloads when it does. */
function fingerprint(view: PhoneView): string {
  return `${view.sms.length}-${view.calls.map((call) => call.state[0]).join('')}`;
}

function When({ at }: { at: string }) {
  return <time datetime={at}>{formatKstDateTime(new Date(at))}</time>;
}

function EntryItem({ entry }: { entry: Entry }) {
  if (entry.kind === 'call') {
    return (
      <li class={`phone-entry call call-${entry.state}`}>
        <p>
          <strong>ARS 전화</strong> · {CALL_STATE_LABEL[entry.state]} · <When at={entry.at} />
        </p>
      </li>
    );
  }
  return (
    <li class={`phone-entry sms sms-${entry.direction}`}>
      <p>
        <strong>{entry.direction === 'in' ? '받은 문자' : '보낸 문자'}</strong> · <When at={entry.at} />
      </p>
      <p class="sms-text">{entry.text}</p>
    </li>
  );
}

interface PhoneScreenProps {
  number: string;
  view: PhoneView;
  otp?: string | undefined;
  alert?: string | undefined;
  values?: { digits?: string; text?: string };
}

function PhoneScreen({ number, view, otp, alert, values = {} }: PhoneScreenProps) {
  const entries = newestFirst(view);
  const ringing = view.calls.some((call) => call.state === 'ringing');
  return (
    <Layout title={`가상 휴대폰 ${number}`} door="app">
      <PageHeading>{number}</PageHeading>
      <Alert message={alert} />
      <Notice message={ringing ? MSG.phoneRinging : undefined} />
      {otp ? (
        <>
          <CodeOutput label="모바일OTP" code={otp} />
          <p class="hint">30초마다 바뀌는 코드입니다. 새로고침하면 지금 코드를 보여 드립니다.</p>
        </>
      ) : null}
      <Form action={phoneUrl(number, 'keypad')}>
        <Field
          label="키패드 입력"
          name="digits"
          value={values.digits}
          inputMode="numeric"
          maxLength={KEYPAD_MAX_DIGITS}
          autoComplete="off"
          invalid={alert !== undefined && values.digits !== undefined}
        />
        <Actions>
          <Button>누르기</Button>
        </Actions>
      </Form>
      <Form action={phoneUrl(number, 'sms')}>
        <Field
          label="문자 내용"
          name="text"
          value={values.text}
          maxLength={SMS_TEXT_MAX_LENGTH}
          autoComplete="off"
          invalid={alert !== undefined && values.text !== undefined}
        />
        <Actions>
          <Button>보내기</Button>
        </Actions>
      </Form>
      <section aria-labelledby="phone-log-title">
        <h2 id="phone-log-title">문자·전화 기록</h2>
        {entries.length === 0 ? (
          <p>아직 받은 문자나 전화가 없습니다.</p>
        ) : (
          <ol class="phone-log">
            {entries.map((entry) => (
              <EntryItem entry={entry} />
            ))}
          </ol>
        )}
      </section>
      {/* Without JavaScript the page shows the latest on reload; with it, it reloads when something arrives. */}
      <Poller
        statusUrl={`${phoneUrl(number, 'status')}?seen=${encodeURIComponent(fingerprint(view))}`}
        nextUrl={phoneUrl(number)}
      />
    </Layout>
  );
}

/** The registered phone the URL names (`010-1234-5678`, hyphens optional), or undefined. */
function registeredPhone(c: Context<AppEnv>): string | undefined {
  const number = normalizeMobile(c.req.param('phone') ?? '');
  return number ? c.get('bank').store.findCustomerByPhone(number)?.phone : undefined;
}

function renderPhone(
  c: Context<AppEnv>,
  number: string,
  extra: Pick<PhoneScreenProps, 'alert' | 'values'> = {},
  status: ContentfulStatusCode = 200,
) {
  const bank = c.get('bank');
  const secret = bank.store.getPhone(number)?.otpSecret;
  // OTP codes run on real time, never on a customer's test clock (spec §3).
  const otp = secret ? otpCode(secret, bank.now()) : undefined;
  return c.html(<PhoneScreen number={number} view={phoneView(bank, number)} otp={otp} {...extra} />, status);
}

function notFound(c: Context<AppEnv>) {
  return c.html(
    <Layout title="가상 휴대폰 - 찾을 수 없음" door="app">
      <PageHeading>휴대폰을 찾을 수 없습니다</PageHeading>
      <p>{MSG.phoneNotFound}</p>
    </Layout>,
    404,
  );
}

export const phonePage = new Hono<AppEnv>();

phonePage.get('/phone/:phone', (c) => {
  const number = registeredPhone(c);
  return number ? renderPhone(c, number) : notFound(c);
});

/** The page's poll: `confirmed` (= reload) once the phone shows something it did not when rendered. */
phonePage.get('/phone/:phone/status', (c) => {
  const number = registeredPhone(c);
  if (!number) return c.json({ state: 'expired' }, 404);
  const changed = c.req.query('seen') !== fingerprint(phoneView(c.get('bank'), number));
  return c.json({ state: changed ? 'confirmed' : 'waiting' });
});

phonePage.post('/phone/:phone/keypad', async (c) => {
  const number = registeredPhone(c);
  if (!number) return notFound(c);
  const fields = await formFields(c);
  const parsed = KeypadForm.safeParse(fields);
  const values = { digits: fields.digits ?? '' };
  if (!parsed.success)
    return renderPhone(c, number, { alert: MSG.keypadFormat(KEYPAD_MAX_DIGITS), values }, 400);
  const outcome = keypad(c.get('bank'), number, parsed.data.digits);
  if (outcome === 'noCall') return renderPhone(c, number, { alert: MSG.noRingingCall, values }, 409);
  return c.redirect(phoneUrl(number), 303);
});

phonePage.post('/phone/:phone/sms', async (c) => {
  const number = registeredPhone(c);
  if (!number) return notFound(c);
  const fields = await formFields(c);
  const parsed = SmsForm.safeParse(fields);
  if (!parsed.success) {
    return renderPhone(
      c,
      number,
      { alert: MSG.smsTextFormat(SMS_TEXT_MAX_LENGTH), values: { text: fields.text ?? '' } },
      400,
    );
  }
  smsFromPhone(c.get('bank'), number, parsed.data.text);
  return c.redirect(phoneUrl(number), 303);
});
