import type { Context } from 'hono';
import { newFlow, type Flow, type FlowStep } from '../../domain/flow.ts';
import type { Customer } from '../../domain/types.ts';
import { MSG } from '../../messages.ts';
import type { Session } from '../../store.ts';
import type { AppEnv } from '../env.ts';
import { guardStep, redirectInFlow, STEP_PATH } from './guard.ts';

export type CustomerGuarded =
  { ok: true; flow: Flow; session: Session; customer: Customer } | { ok: false; response: Response };

/**
 * guardStep for the steps after 사용자 정보 입력, which all need the flow's customer. A flow whose
 * customer is gone (deleted through the test-support API mid-flow) cannot go on: it starts over at
 * 약관동의 with the refused-step alert, as a request without any flow does.
 */
export function guardCustomer(
  c: Context<AppEnv>,
  step: FlowStep,
  opts: { submit?: boolean } = {},
): CustomerGuarded {
  const guarded = guardStep(c, step, opts);
  if (!guarded.ok) return guarded;
  const { flow, session, customer } = guarded;
  if (customer) return { ok: true, flow, session, customer };
  session.flow = newFlow(c.get('bank').newId(), flow.door);
  session.flash = MSG.stepRefused;
  return { ok: false, response: redirectInFlow(c, STEP_PATH.terms) };
}
