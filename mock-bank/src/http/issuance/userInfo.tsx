import { Hono, type Context } from 'hono';
import { activeCertificate, registryFinding, type RegistryFinding } from '../../domain/certificates.ts';
import { advanceTo, newFlow, type Flow } from '../../domain/flow.ts';
import { isUserId } from '../../domain/formats.ts';
import type { Certificate, Customer } from '../../domain/types.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import { BANK_NAME, USER_INFO_ERROR_LIMIT } from '../../rules.ts';
import type { BankContext } from '../../services/context.ts';
import { customerNow } from '../../services/clock.ts';
import { Actions, Button, Dialog, FAULT_CLASS, Field, Form } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { field, formFields, readRrn, type RrnRead } from '../forms.ts';
import { CERT_CENTER_URL } from '../frontDoors.tsx';
import { STEP_PATH, guardStep, redirectInFlow, takeFlash, takeNotice } from './guard.ts';

const REISSUE_PATH = `${STEP_PATH.userInfo}/reissue`;
const CANCEL_PATH = `${STEP_PATH.userInfo}/cancel`;
const ID_LOOKUP_URL = '/id-lookup';

/** What the screen shows back after a bad submission: never the back half of the 주민등록번호 (a secret). */
interface Typed {
  userId: string;
  rrnFront: string;
}

interface ScreenProps {
  flow: Flow;
  typed: Typed;
  alert?: string | undefined;
  notice?: string | undefined;
  /** The bank of the customer's active certificate: shows the 재발급 진행 / 취소 dialog. */
  existingBank?: string | undefined;
  /** Fault `phone-dialog-cancel-hidden`: the dialog's 취소 is hidden at phone width. */
  cancelHiddenOnPhone?: boolean;
}

function ExistingCertificateDialog({
  bank,
  prefix,
  cancelHiddenOnPhone,
}: {
  bank: string;
  prefix: string;
  cancelHiddenOnPhone: boolean;
}) {
  return (
    <Dialog
      label="금융인증서 재발급 안내"
      actions={
        <>
          <Form action={`${prefix}${REISSUE_PATH}`}>
            <Button>재발급 진행</Button>
          </Form>
          {/* A POST, not a link: leaving clears the pending choice on the server. */}
          <Form
            action={`${prefix}${CANCEL_PATH}`}
            class={cancelHiddenOnPhone ? FAULT_CLASS.phoneHidden : undefined}
          >
            <Button variant="secondary">취소</Button>
          </Form>
        </>
      }
    >
      <p>{MSG.existingCertificate}</p>
      <p>기존 금융인증서 발급기관: {bank}</p>
    </Dialog>
  );
}

/** `prefix`: where this bank serves the flow (MOCK_BANK_FLOW_PREFIX). */
function UserInfoScreen(props: ScreenProps & { prefix: string }) {
  return (
    <FlowScreen
      flow={props.flow}
      screen="userInfo"
      title="사용자 정보 입력"
      alert={props.alert}
      notice={props.notice}
    >
      <Form action={`${props.prefix}${STEP_PATH.userInfo}`}>
        <Field label="사용자ID" name="userId" value={props.typed.userId} autoComplete="username" />
        <Field
          label="주민등록번호 앞자리"
          name="rrnFront"
          value={props.typed.rrnFront}
          inputMode="numeric"
          autoComplete="off"
        />
        <Field
          label="주민등록번호 뒷자리"
          name="rrnBack"
          type="password"
          inputMode="numeric"
          autoComplete="off"
        />
        <p>
          사용자ID가 기억나지 않으시면 <a href={ID_LOOKUP_URL}>아이디찾기</a>
        </p>
        <Actions>
          <Button>다음</Button>
        </Actions>
      </Form>
      {props.existingBank ? (
        <ExistingCertificateDialog
          bank={props.existingBank}
          prefix={props.prefix}
          cancelHiddenOnPhone={props.cancelHiddenOnPhone ?? false}
        />
      ) : null}
    </FlowScreen>
  );
}

function render(c: Context<AppEnv>, props: ScreenProps, status: 200 | 400 | 409 = 200) {
  // Asked only where the dialog shows, so only the tests that see it reach this fault point.
  const cancelHiddenOnPhone =
    props.existingBank !== undefined && faulty(c.get('bank'), 'phone-dialog-cancel-hidden');
  return c.html(
    <UserInfoScreen {...props} prefix={c.get('flowPrefix')} cancelHiddenOnPhone={cancelHiddenOnPhone} />,
    status,
  );
}

/** Format first (spec §2.2: a malformed pair gets its own message and is not counted). */
function checkFormat(c: Context<AppEnv>, userId: string, rrnFront: string, rrnBack: string): RrnRead {
  if (!isUserId(userId)) return { ok: false, message: MSG.userIdFormat };
  return readRrn(c.get('bank'), rrnFront, rrnBack);
}

/**
 * What the registry holds for this person (every bank, judged on their clock): suspended or not, and the
 * active certificate that makes this a possible reissue.
 */
function registryCheck(
  bank: BankContext,
  customer: Customer,
): { finding: RegistryFinding; existing?: Certificate } {
  const now = customerNow(bank, customer);
  let certs = bank.store.certificatesOf(customer.rrn);
  // Fault: only our own bank's certificates are looked at, so another bank's gets no dialog.
  if (faulty(bank, 'other-bank-certificate-no-dialog')) {
    certs = certs.filter((cert) => cert.bank === BANK_NAME);
  }
  let existing = activeCertificate(certs, now);
  // Fault: the stored status is read instead of the derived one, so an expired certificate counts.
  if (faulty(bank, 'expired-certificate-counts-as-active')) {
    existing = certs.find((cert) => cert.status === 'active');
  }
  return { finding: registryFinding(certs, now), existing };
}

export const userInfo = new Hono<AppEnv>();

userInfo.get(STEP_PATH.userInfo, (c) => {
  const guarded = guardStep(c, 'userInfo');
  if (!guarded.ok) return guarded.response;
  const { flow, session, customer } = guarded;
  let existingBank: string | undefined;
  if (flow.awaitingReissueChoice) {
    existingBank = customer && registryCheck(c.get('bank'), customer).existing?.bank;
    // The certificate went away meanwhile (expired, deleted): nothing is left to choose.
    if (!existingBank) {
      delete flow.awaitingReissueChoice;
      delete flow.userId;
    }
  }
  const typed = { userId: flow.userId ?? flow.prefillUserId ?? '', rrnFront: '' };
  return render(c, { flow, typed, existingBank, alert: takeFlash(session), notice: takeNotice(session) });
});

userInfo.post(STEP_PATH.userInfo, async (c) => {
  const guarded = guardStep(c, 'userInfo', { submit: true });
  if (!guarded.ok) return guarded.response;
  const { flow, session } = guarded;
  const bank = c.get('bank');
  const fields = await formFields(c);
  const typed: Typed = { userId: field(fields, 'userId'), rrnFront: field(fields, 'rrnFront') };

  const format = checkFormat(c, typed.userId, typed.rrnFront, field(fields, 'rrnBack'));
  if (!format.ok) return render(c, { flow, typed, alert: format.message }, 400);

  const customer = bank.store.getCustomer(typed.userId);
  if (!customer || customer.rrn !== format.rrn) {
    flow.userInfoErrors += 1;
    bank.log('userInfo.mismatch', { errors: flow.userInfoErrors });
    // Fault: the discard was lost; the 5th and later wrong pairs only get the mismatch alert.
    const discard =
      flow.userInfoErrors >= USER_INFO_ERROR_LIMIT && !faulty(bank, 'user-info-limit-not-enforced');
    if (discard) {
      // The limit discards this flow: 약관동의 of a new one, same door.
      session.flow = newFlow(bank.newId(), flow.door);
      session.flash = MSG.userInfoLimit;
      return redirectInFlow(c, STEP_PATH.terms);
    }
    return render(c, { flow, typed, alert: MSG.mismatch }, 400);
  }

  const { finding, existing } = registryCheck(bank, customer);
  // Fault: the 효력정지 check was lost; a suspended certificate is treated as none.
  if (finding === 'suspended' && !faulty(bank, 'suspended-not-blocked')) {
    return render(c, { flow, typed, alert: MSG.suspended }, 409);
  }
  flow.userId = customer.userId;
  if (existing) {
    flow.awaitingReissueChoice = true;
    return render(c, { flow, typed, existingBank: existing.bank });
  }
  advanceTo(flow, 'identity');
  return redirectInFlow(c, STEP_PATH.identity);
});

userInfo.post(REISSUE_PATH, (c) => {
  const guarded = guardStep(c, 'userInfo');
  if (!guarded.ok) return guarded.response;
  const { flow, session } = guarded;
  if (flow.awaitingReissueChoice && flow.userId) {
    delete flow.awaitingReissueChoice;
    flow.reissue = true;
    advanceTo(flow, 'identity');
  } else if (!flow.reissue) {
    // No dialog was showing (a stale or forged POST): back to the step the flow is at.
    session.flash = MSG.stepRefused;
  }
  return redirectInFlow(c, STEP_PATH[flow.step]);
});

userInfo.post(CANCEL_PATH, (c) => {
  const guarded = guardStep(c, 'userInfo', { submit: true });
  if (!guarded.ok) return guarded.response;
  // 취소: back to 인증센터 with nothing changed in the registry; the flow forgets the matched customer.
  delete guarded.flow.awaitingReissueChoice;
  delete guarded.flow.userId;
  return c.redirect(CERT_CENTER_URL, 303);
});
