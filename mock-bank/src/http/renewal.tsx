// 금융인증서 갱신 (spec §7, §4): identity (사용자ID + 주민등록번호), then the renewal window checked right
// then on the customer's clock, then the certificate PIN, then a new certificate (old expiry + 1 day + 3 years).
import { Hono, type Context } from 'hono';
import type { Child, PropsWithChildren } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  CERTIFICATE_ISSUER,
  CERTIFICATE_KIND,
  CERTIFICATE_PIN_ERROR_LIMIT,
  CERTIFICATE_PIN_LENGTH,
  RENEWAL_WINDOW_DAYS,
} from '../rules.ts';
import { faulty } from '../faults.ts';
import { MSG } from '../messages.ts';
import { activeCertificate, certificateStatusAt, recordCertificatePinTry } from '../domain/certificates.ts';
import { isDigits, isUserId } from '../domain/formats.ts';
import type { Certificate, Customer } from '../domain/types.ts';
import { formatValidity, renewalWindow } from '../domain/validity.ts';
import { customerNow } from '../services/clock.ts';
import type { BankContext } from '../services/context.ts';
import { renewCertificate } from '../services/registry.ts';
import { Actions, Alert, Button, DescriptionList, Field, Form, PageHeading } from '../views/components.tsx';
import { Layout } from '../views/Layout.tsx';
import type { AppEnv } from './env.ts';
import { field, formFields, readRrn } from './forms.ts';
import { loggedInName } from './session.ts';

const BASE = '/renewal';
const URLS = { identity: BASE, pin: `${BASE}/pin`, complete: `${BASE}/complete` } as const;

type Refusal = { status: ContentfulStatusCode; message: string };

/**
 * The certificate this customer may renew right now, or why not. Judged on the customer's clock; a
 * suspended one blocks like a registry block (409), a locked one can only be reissued (403).
 */
function renewalTarget(
  bank: BankContext,
  customer: Customer,
): { ok: true; cert: Certificate } | ({ ok: false } & Refusal) {
  const now = customerNow(bank, customer);
  const certs = bank.store.certificatesOf(customer.rrn);
  if (certs.some((cert) => certificateStatusAt(cert, now) === 'suspended'))
    return { ok: false, status: 409, message: MSG.suspended };
  // The active one if any, else the newest expired one (revoked ones never count).
  const cert =
    activeCertificate(certs, now) ??
    certs
      .filter((c) => certificateStatusAt(c, now) === 'expired')
      .sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt))[0];
  if (!cert) return { ok: false, status: 400, message: MSG.renewalNone };
  // Fault: `<=` in the day count, so the window opens 31 days before expiry.
  const windowDays = RENEWAL_WINDOW_DAYS + (faulty(bank, 'renewal-window-off-by-day') ? 1 : 0);
  const window = renewalWindow(new Date(cert.expiresAt), now, windowDays);
  if (window === 'expired') return { ok: false, status: 400, message: MSG.renewalExpired };
  // Locked before too early: waiting would not help a locked certificate, only reissue does.
  if (cert.locked) return { ok: false, status: 403, message: MSG.certificateLocked };
  if (window === 'tooEarly') return { ok: false, status: 400, message: MSG.renewalTooEarly };
  return { ok: true, cert };
}

function RenewalPage({
  title,
  alert,
  children,
}: PropsWithChildren<{ title: string; alert?: string | undefined }>) {
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Alert message={alert} />
      {children}
    </>
  );
}

function page(c: Context<AppEnv>, body: Child, status: ContentfulStatusCode = 200) {
  return c.html(
    <Layout title="금융인증서 갱신 - KB국민은행" door="web" loggedInName={loggedInName(c)}>
      {body}
    </Layout>,
    status,
  );
}

interface IdentityValues {
  userId: string;
  rrnFront: string;
}

function renderIdentity(
  c: Context<AppEnv>,
  props: { alert?: string; values?: IdentityValues; invalid?: 'userId' | 'rrn' } = {},
  status: ContentfulStatusCode = 200,
) {
  const values = props.values ?? { userId: '', rrnFront: '' };
  return page(
    c,
    <RenewalPage title="금융인증서 갱신" alert={props.alert}>
      <p>유효기간 만료 30일 전부터 만료일까지 금융인증서를 갱신할 수 있습니다.</p>
      <Form action={URLS.identity}>
        <Field
          label="사용자ID"
          name="userId"
          value={values.userId}
          autoComplete="username"
          invalid={props.invalid === 'userId'}
        />
        <Field
          label="주민등록번호 앞자리"
          name="rrnFront"
          value={values.rrnFront}
          inputMode="numeric"
          maxLength={6}
          autoComplete="off"
          invalid={props.invalid === 'rrn'}
        />
        <Field
          label="주민등록번호 뒷자리"
          name="rrnBack"
          type="password"
          inputMode="numeric"
          maxLength={7}
          autoComplete="off"
          invalid={props.invalid === 'rrn'}
        />
        <Actions>
          <Button>다음</Button>
        </Actions>
      </Form>
    </RenewalPage>,
    status,
  );
}

function renderPin(
  c: Context<AppEnv>,
  cert: Certificate,
  props: { alert?: string; invalid?: boolean } = {},
  status: ContentfulStatusCode = 200,
) {
  return page(
    c,
    <RenewalPage title="금융인증서 갱신" alert={props.alert}>
      <DescriptionList
        items={[
          ['인증서 종류', CERTIFICATE_KIND],
          ['소유자', cert.ownerName],
          ['유효기간', formatValidity(new Date(cert.issuedAt), new Date(cert.expiresAt))],
        ]}
      />
      <p>금융인증서 비밀번호를 입력하시면 인증서가 갱신됩니다.</p>
      <Form action={URLS.pin}>
        <Field
          label="비밀번호 6자리"
          name="pin"
          type="password"
          inputMode="numeric"
          maxLength={CERTIFICATE_PIN_LENGTH}
          autoComplete="off"
          invalid={props.invalid}
        />
        <Actions>
          <Button>갱신</Button>
        </Actions>
      </Form>
    </RenewalPage>,
    status,
  );
}

/** The renewal this session has reached the PIN step of, still valid right now. */
function pendingRenewal(
  c: Context<AppEnv>,
):
  | { ok: true; customer: Customer; cert: Certificate }
  | { ok: false; response: Response | Promise<Response> } {
  const session = c.get('session');
  const state = session.renewal;
  if (!state) return { ok: false, response: c.redirect(URLS.identity, 303) };
  if (state.renewedSerial) return { ok: false, response: c.redirect(URLS.complete, 303) };
  const bank = c.get('bank');
  const customer = bank.store.getCustomer(state.userId);
  if (!customer) {
    delete session.renewal;
    return { ok: false, response: c.redirect(URLS.identity, 303) };
  }
  const target = renewalTarget(bank, customer);
  if (!target.ok) {
    // The window closed (or the certificate changed state) since the identity step: start again.
    delete session.renewal;
    return {
      ok: false,
      response: renderIdentity(
        c,
        { alert: target.message, values: { userId: state.userId, rrnFront: '' } },
        target.status,
      ),
    };
  }
  if (target.cert.serial !== state.serial) {
    delete session.renewal;
    return { ok: false, response: c.redirect(URLS.identity, 303) };
  }
  return { ok: true, customer, cert: target.cert };
}

export const renewal = new Hono<AppEnv>();

renewal.get(URLS.identity, (c) => renderIdentity(c));

renewal.post(URLS.identity, async (c) => {
  const bank = c.get('bank');
  const session = c.get('session');
  const fields = await formFields(c);
  const values: IdentityValues = { userId: field(fields, 'userId'), rrnFront: field(fields, 'rrnFront') };
  // A new identity submission replaces any renewal this session had started.
  delete session.renewal;

  if (!isUserId(values.userId))
    return renderIdentity(c, { alert: MSG.userIdFormat, values, invalid: 'userId' }, 400);
  const rrn = readRrn(bank, values.rrnFront, field(fields, 'rrnBack'));
  if (!rrn.ok) return renderIdentity(c, { alert: rrn.message, values, invalid: 'rrn' }, 400);
  const customer = bank.store.getCustomer(values.userId);
  if (!customer || customer.rrn !== rrn.rrn) {
    bank.log('renewal.mismatch', {});
    return renderIdentity(c, { alert: MSG.mismatch, values }, 400);
  }
  const target = renewalTarget(bank, customer);
  if (!target.ok) {
    bank.log('renewal.refused', { status: target.status });
    return renderIdentity(c, { alert: target.message, values }, target.status);
  }
  session.renewal = { userId: customer.userId, serial: target.cert.serial };
  return c.redirect(URLS.pin, 303);
});

renewal.get(URLS.pin, (c) => {
  const pending = pendingRenewal(c);
  return pending.ok ? renderPin(c, pending.cert) : pending.response;
});

renewal.post(URLS.pin, async (c) => {
  const bank = c.get('bank');
  const session = c.get('session');
  const pending = pendingRenewal(c);
  if (!pending.ok) return pending.response;
  const { customer, cert } = pending;
  const pin = field(await formFields(c), 'pin');
  if (!isDigits(pin, CERTIFICATE_PIN_LENGTH))
    return renderPin(c, cert, { alert: MSG.pinFormat, invalid: true }, 400);

  // Fault: the limit check was lost; wrong PINs are counted but never lock the certificate.
  const lockAt = faulty(bank, 'renewal-pin-never-locks') ? Infinity : CERTIFICATE_PIN_ERROR_LIMIT;
  const outcome = recordCertificatePinTry(cert, pin, lockAt);
  bank.store.putCertificate(cert);
  bank.log('renewal.pin', { outcome: outcome.outcome });
  if (outcome.outcome === 'wrong') {
    return renderPin(
      c,
      cert,
      { alert: MSG.certificatePinMismatch(outcome.count, CERTIFICATE_PIN_ERROR_LIMIT), invalid: true },
      400,
    );
  }
  if (outcome.outcome === 'locked') {
    delete session.renewal;
    return renderIdentity(
      c,
      { alert: MSG.certificateLocked, values: { userId: customer.userId, rrnFront: '' } },
      403,
    );
  }
  const renewed = renewCertificate(bank, customer, cert);
  session.renewal = { userId: customer.userId, serial: cert.serial, renewedSerial: renewed.serial };
  return c.redirect(URLS.complete, 303);
});

renewal.get(URLS.complete, (c) => {
  const state = c.get('session').renewal;
  const cert = state?.renewedSerial ? c.get('bank').store.getCertificate(state.renewedSerial) : undefined;
  if (!cert) return c.redirect(URLS.identity, 303);
  return page(
    c,
    <RenewalPage title="금융인증서 갱신이 완료되었습니다">
      <DescriptionList
        items={[
          ['인증서 종류', CERTIFICATE_KIND],
          ['발급기관', CERTIFICATE_ISSUER],
          ['소유자', cert.ownerName],
          ['유효기간', formatValidity(new Date(cert.issuedAt), new Date(cert.expiresAt))],
          ['일련번호', cert.serial],
        ]}
      />
      <p>등록된 휴대폰으로 갱신 완료 문자를 보내 드렸습니다.</p>
    </RenewalPage>,
  );
});
