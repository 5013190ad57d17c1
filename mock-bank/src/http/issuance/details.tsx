// 고객정보 확인 (spec §2.4, after the medium): the customer's e-mail and address, editable.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ADDRESS_MAX_LENGTH } from '../../rules.ts';
import { advanceTo, type Flow } from '../../domain/flow.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import { Actions, Button, Field, Form } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { field, formFields } from '../forms.ts';
import { STEP_PATH, flowUrl, redirectInFlow, takeFlash, takeNotice } from './guard.ts';
import { guardCustomer } from './flowCustomer.ts';

const DetailsForm = z.object({
  email: z.email({ error: MSG.emailFormat }),
  address: z
    .string()
    .min(1, { error: MSG.addressRequired })
    .max(ADDRESS_MAX_LENGTH, { error: MSG.addressTooLong(ADDRESS_MAX_LENGTH) }),
});
type Details = z.infer<typeof DetailsForm>;

interface ScreenView {
  values: Details;
  alert?: string | undefined;
  notice?: string | undefined;
  invalid?: keyof Details | undefined;
}

function render(c: Context<AppEnv>, flow: Flow, view: ScreenView, status: 200 | 400 = 200) {
  // Fault: 고객정보 확인 filed under 인증서 설정, so the stepper shows stage 5.
  const stage = faulty(c.get('bank'), 'details-stepper-stage-5') ? 'cloud' : 'details';
  return c.html(
    <FlowScreen flow={flow} screen={stage} title="고객정보 확인" alert={view.alert} notice={view.notice}>
      <section>
        <h2>고객정보 확인</h2>
        <p>등록된 연락처 정보를 확인하고, 바뀐 내용이 있으면 고쳐 주세요.</p>
        <Form action={flowUrl(c, STEP_PATH.details)}>
          <Field
            label="이메일"
            name="email"
            type="email"
            value={view.values.email}
            autoComplete="email"
            invalid={view.invalid === 'email'}
          />
          <Field
            label="주소"
            name="address"
            value={view.values.address}
            maxLength={ADDRESS_MAX_LENGTH}
            autoComplete="street-address"
            invalid={view.invalid === 'address'}
          />
          <Actions>
            <Button>다음</Button>
          </Actions>
        </Form>
      </section>
    </FlowScreen>,
    status,
  );
}

export const details = new Hono<AppEnv>();

details.get(STEP_PATH.details, (c) => {
  const g = guardCustomer(c, 'details');
  if (!g.ok) return g.response;
  const { flow, customer, session } = g;
  let values = { email: flow.email ?? customer.email, address: flow.address ?? customer.address };
  // Fault: the fields are filled from the flow only, which is empty on the first visit.
  if (faulty(c.get('bank'), 'details-not-prefilled')) {
    values = { email: flow.email ?? '', address: flow.address ?? '' };
  }
  return render(c, flow, { values, alert: takeFlash(session), notice: takeNotice(session) });
});

details.post(STEP_PATH.details, async (c) => {
  const g = guardCustomer(c, 'details', { submit: true });
  if (!g.ok) return g.response;
  const { flow, customer } = g;
  const fields = await formFields(c);
  const typed = { email: field(fields, 'email'), address: field(fields, 'address') };
  const parsed = DetailsForm.safeParse(typed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const invalid = issue?.path[0] === 'address' ? 'address' : 'email';
    return render(c, flow, { values: typed, alert: issue?.message ?? MSG.emailFormat, invalid }, 400);
  }
  // The customer confirmed (or corrected) these: they are the record from now on.
  // Fault: the record update was lost; only this flow keeps the edit.
  if (!faulty(c.get('bank'), 'details-edits-not-saved')) {
    customer.email = parsed.data.email;
    customer.address = parsed.data.address;
    c.get('bank').store.putCustomer(customer);
  }
  flow.email = parsed.data.email;
  flow.address = parsed.data.address;
  advanceTo(flow, 'cloud');
  return redirectInFlow(c, STEP_PATH.cloud);
});
