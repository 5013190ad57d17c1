// 고객정보 확인 (spec §2.4, after the medium): the customer's e-mail and address, editable.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ADDRESS_MAX_LENGTH } from '../../rules.ts';
import { advanceTo, type Flow } from '../../domain/flow.ts';
import { MSG } from '../../messages.ts';
import { Actions, Button, Field, Form } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { field, formFields } from '../forms.ts';
import { STEP_URL, takeFlash, takeNotice } from './guard.ts';
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
  return c.html(
    <FlowScreen flow={flow} screen="details" title="고객정보 확인" alert={view.alert} notice={view.notice}>
      <section>
        <h2>고객정보 확인</h2>
        <p>등록된 연락처 정보를 확인하고, 바뀐 내용이 있으면 고쳐 주세요.</p>
        <Form action={STEP_URL.details}>
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

details.get(STEP_URL.details, (c) => {
  const g = guardCustomer(c, 'details');
  if (!g.ok) return g.response;
  const { flow, customer, session } = g;
  const values = { email: flow.email ?? customer.email, address: flow.address ?? customer.address };
  return render(c, flow, { values, alert: takeFlash(session), notice: takeNotice(session) });
});

details.post(STEP_URL.details, async (c) => {
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
  customer.email = parsed.data.email;
  customer.address = parsed.data.address;
  c.get('bank').store.putCustomer(customer);
  flow.email = parsed.data.email;
  flow.address = parsed.data.address;
  advanceTo(flow, 'cloud');
  return c.redirect(STEP_URL.cloud, 303);
});
