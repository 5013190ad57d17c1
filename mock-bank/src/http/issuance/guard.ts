import type { Context } from 'hono';
import {
  canVisit,
  newFlow,
  resetTo,
  stepIndex,
  type Door,
  type Flow,
  type FlowStep,
} from '../../domain/flow.ts';
import type { Customer } from '../../domain/types.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import type { Session } from '../../store.ts';
import type { AppEnv } from '../env.ts';

export const FLOW_BASE = '/fincert/issue';

/** Where each step's screen lives. */
export const STEP_URL: Record<FlowStep, string> = {
  terms: `${FLOW_BASE}/terms`,
  userInfo: `${FLOW_BASE}/user-info`,
  identity: `${FLOW_BASE}/identity`,
  account: `${FLOW_BASE}/account`,
  details: `${FLOW_BASE}/details`,
  cloud: `${FLOW_BASE}/cloud`,
  password: `${FLOW_BASE}/password`,
  complete: `${FLOW_BASE}/complete`,
};

/** The start link always begins a new flow; a logged-in customer is logged out (seed). */
export function startFlow(c: Context<AppEnv>, door: Door): { flow: Flow; loggedOut: boolean } {
  const session = c.get('session');
  // Fault: the logout was lost, so the customer stays logged in (and no notice says otherwise).
  const loggedOut = session.userId !== undefined && !faulty(c.get('bank'), 'logged-in-not-logged-out');
  if (loggedOut) delete session.userId;
  const flow = newFlow(c.get('bank').newId(), door);
  session.flow = flow;
  return { flow, loggedOut };
}

export type Guarded =
  | { ok: true; flow: Flow; session: Session; customer: Customer | undefined }
  | { ok: false; response: Response };

/**
 * Lets a request see `step` only when its flow has reached it: a later step redirects to the current
 * one with an alert; no flow at all starts one at 약관동의 with that alert; after completion,
 * everything goes to the completion page. A submission (`submit`) of an earlier step resets progress to it.
 */
export function guardStep(c: Context<AppEnv>, step: FlowStep, opts: { submit?: boolean } = {}): Guarded {
  const session = c.get('session');
  const flow = session.flow;
  if (!flow) {
    session.flow = newFlow(c.get('bank').newId(), 'web');
    session.flash = MSG.stepRefused;
    return { ok: false, response: c.redirect(STEP_URL.terms, 303) };
  }
  if (flow.step === 'complete' && step !== 'complete') {
    return { ok: false, response: c.redirect(STEP_URL.complete, 303) };
  }
  // Fault: off by one, the step right after the flow's own is let through too.
  const leaks =
    faulty(c.get('bank'), 'step-reachable-by-url') && stepIndex(step) === stepIndex(flow.step) + 1;
  if (!canVisit(flow, step) && !leaks) {
    session.flash = MSG.stepRefused;
    return { ok: false, response: c.redirect(STEP_URL[flow.step], 303) };
  }
  if (opts.submit) resetTo(flow, step);
  const customer = flow.userId ? c.get('bank').store.getCustomer(flow.userId) : undefined;
  return { ok: true, flow, session, customer };
}

/** The alert carried by a redirect, shown once. */
export function takeFlash(session: Session): string | undefined {
  const message = session.flash;
  delete session.flash;
  return message;
}

/** The notice carried by a redirect, shown once. */
export function takeNotice(session: Session): string | undefined {
  const message = session.notice;
  delete session.notice;
  return message;
}
