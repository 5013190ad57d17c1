import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { advanceTo, type Flow } from '../../domain/flow.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import { Actions, Button, Checkbox, FAULT_CLASS, Fieldset, Form } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { formFields } from '../forms.ts';
import { STEP_PATH, flowUrl, guardStep, redirectInFlow, takeFlash, takeNotice } from './guard.ts';

/** The boxes of 약관동의 (spec §2.1), in screen order; the labels are the contract. */
const TERMS = [
  { name: 'service', label: '금융인증서 서비스 이용약관 (필수)', required: true },
  { name: 'privacy', label: '개인(신용)정보 수집·이용 동의 (필수)', required: true },
  { name: 'uniqueId', label: '고유식별정보 처리 동의 (필수)', required: true },
  { name: 'marketing', label: '마케팅 정보 수신 동의 (선택)', required: false },
] as const;
const CHECK_ALL = { name: 'all', label: '전체 동의' } as const;

type BoxName = (typeof TERMS)[number]['name'] | typeof CHECK_ALL.name;
type Boxes = Record<BoxName, boolean>;

/** A checkbox is sent only when checked, whatever its value: present and non-empty = ticked. */
const ticked = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== '');
const TermsForm = z.object(
  Object.fromEntries([CHECK_ALL, ...TERMS].map((box) => [box.name, ticked])) as Record<
    BoxName,
    typeof ticked
  >,
);

const NONE_TICKED: Boxes = { all: false, service: false, privacy: false, uniqueId: false, marketing: false };

function TermsScreen(props: {
  flow: Flow;
  /** The form's action. */
  action: string;
  boxes: Boxes;
  alert?: string | undefined;
  notice?: string | undefined;
  /** Fault `phone-terms-next-offscreen`: 다음 is laid out off-screen at phone width. */
  nextOffscreenOnPhone: boolean;
}) {
  return (
    <FlowScreen flow={props.flow} screen="terms" title="약관동의" alert={props.alert} notice={props.notice}>
      <Form action={props.action} class={props.nextOffscreenOnPhone ? FAULT_CLASS.phoneOffscreen : undefined}>
        <Fieldset legend="금융인증서 발급 약관">
          <Checkbox label={CHECK_ALL.label} name={CHECK_ALL.name} checked={props.boxes.all} checkAll />
          {TERMS.map((term) => (
            <Checkbox label={term.label} name={term.name} checked={props.boxes[term.name]} />
          ))}
        </Fieldset>
        <Actions>
          <Button>다음</Button>
        </Actions>
      </Form>
    </FlowScreen>
  );
}

function render(
  c: Context<AppEnv>,
  flow: Flow,
  boxes: Boxes,
  opts: { alert?: string | undefined; notice?: string | undefined },
  status: 200 | 400 = 200,
) {
  const nextOffscreenOnPhone = faulty(c.get('bank'), 'phone-terms-next-offscreen');
  return c.html(
    <TermsScreen
      flow={flow}
      action={flowUrl(c, STEP_PATH.terms)}
      boxes={boxes}
      alert={opts.alert}
      notice={opts.notice}
      nextOffscreenOnPhone={nextOffscreenOnPhone}
    />,
    status,
  );
}

export const terms = new Hono<AppEnv>();

terms.get(STEP_PATH.terms, (c) => {
  const guarded = guardStep(c, 'terms');
  if (!guarded.ok) return guarded.response;
  const { session, flow } = guarded;
  return render(c, flow, NONE_TICKED, { alert: takeFlash(session), notice: takeNotice(session) });
});

terms.post(STEP_PATH.terms, async (c) => {
  const guarded = guardStep(c, 'terms', { submit: true });
  if (!guarded.ok) return guarded.response;
  // Every field is optional and every value turns into a boolean, so parsing cannot fail.
  const boxes: Boxes = TermsForm.parse(await formFields(c));
  const bank = c.get('bank');
  // A ticked 전체 동의 is consent to every box, even when JavaScript did not tick them.
  let consented = (name: BoxName) => boxes.all || boxes[name];
  // Fault: only the boxes themselves count, so 전체 동의 sent alone (no JavaScript) is ignored.
  if (faulty(bank, 'check-all-not-consent')) consented = (name) => boxes[name];
  let required = TERMS.filter((term) => term.required);
  // Fault: the server's list lost the (필수) flag of 고유식별정보 처리 동의 (the label still says it).
  if (faulty(bank, 'required-term-not-enforced')) {
    required = required.filter((term) => term.name !== 'uniqueId');
  }
  if (!required.every((term) => consented(term.name))) {
    return render(c, guarded.flow, boxes, { alert: MSG.termsRequired }, 400);
  }
  advanceTo(guarded.flow, 'userInfo');
  return redirectInFlow(c, STEP_PATH.userInfo);
});
