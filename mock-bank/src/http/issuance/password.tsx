// 비밀번호 설정 (spec §2.5, second half): the certificate's PIN, then the certificate is issued.
import { Hono, type Context } from 'hono';
import { CERTIFICATE_PIN_LENGTH } from '../../rules.ts';
import type { Flow } from '../../domain/flow.ts';
import { certificatePinProblem, type PinProblem } from '../../domain/pin.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import { issueCertificate } from '../../services/registry.ts';
import { Actions, Button, Field, Form } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { field, formFields } from '../forms.ts';
import { STEP_PATH, flowUrl, redirectInFlow, takeFlash, takeNotice } from './guard.ts';
import { guardCustomer } from './flowCustomer.ts';

const PROBLEM_MESSAGE: Record<PinProblem, string> = {
  format: MSG.pinFormat,
  weak: MSG.pinWeak,
  mismatch: MSG.pinMismatch,
};

function render(
  c: Context<AppEnv>,
  flow: Flow,
  view: { alert?: string | undefined; notice?: string | undefined },
  status: 200 | 400 = 200,
) {
  // Both fields always come back empty: a PIN is never sent back to the browser.
  const pinField = {
    type: 'password',
    inputMode: 'numeric',
    maxLength: CERTIFICATE_PIN_LENGTH,
    autoComplete: 'new-password',
    invalid: status === 400,
  } as const;
  return c.html(
    <FlowScreen flow={flow} screen="password" title="비밀번호 설정" alert={view.alert} notice={view.notice}>
      <section>
        <h2>비밀번호 설정</h2>
        <p>금융인증서를 사용할 때 입력할 비밀번호를 정해 주세요.</p>
        <Form action={flowUrl(c, STEP_PATH.password)}>
          <Field {...pinField} label="비밀번호 6자리" name="pin" />
          <Field {...pinField} label="비밀번호 확인" name="pinConfirm" />
          <Actions>
            <Button>확인</Button>
          </Actions>
        </Form>
      </section>
    </FlowScreen>,
    status,
  );
}

export const password = new Hono<AppEnv>();

password.get(STEP_PATH.password, (c) => {
  const g = guardCustomer(c, 'password');
  if (!g.ok) return g.response;
  return render(c, g.flow, { alert: takeFlash(g.session), notice: takeNotice(g.session) });
});

password.post(STEP_PATH.password, async (c) => {
  const g = guardCustomer(c, 'password', { submit: true });
  if (!g.ok) return g.response;
  const { flow, customer } = g;
  const fields = await formFields(c);
  const pin = field(fields, 'pin');
  const bank = c.get('bank');
  const skipped: PinProblem[] = [];
  // Fault: the weak-PIN rule was dropped (111111, 123456 pass).
  if (faulty(bank, 'weak-pin-accepted')) skipped.push('weak');
  // Fault: the confirmation is never compared.
  if (faulty(bank, 'pin-mismatch-accepted')) skipped.push('mismatch');
  const problem = certificatePinProblem(pin, field(fields, 'pinConfirm'), skipped);
  if (problem) return render(c, flow, { alert: PROBLEM_MESSAGE[problem] }, 400);
  // Revokes the old certificate everywhere and sends the completion SMS before the page is served.
  const cert = issueCertificate(bank, customer, pin, flow.reissue);
  flow.issuedSerial = cert.serial;
  flow.step = 'complete';
  return redirectInFlow(c, STEP_PATH.complete);
});
