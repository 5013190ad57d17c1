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

/** Where the flow lives unless MOCK_BANK_FLOW_PREFIX moves it (the spec names only the front doors). */
export const DEFAULT_FLOW_PREFIX = '/fincert/issue';

/** Where each step's screen lives, under the flow's prefix. */
export const STEP_PATH: Record<FlowStep, string> = {
  terms: '/terms',
  userInfo: '/user-info',
  identity: '/identity',
  account: '/account',
  details: '/details',
  cloud: '/cloud',
  password: '/password',
  complete: '/complete',
};

/** The URL of `path` (a flow path, '' for the start link) on this bank. */
export function flowUrl(c: Context<AppEnv>, path = ''): string {
  return `${c.get('flowPrefix')}${path}`;
}

/** Redirects to a flow path on this bank. */
export function redirectInFlow(c: Context<AppEnv>, path: string): Response {
  return c.redirect(flowUrl(c, path), 303);
}

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
    return { ok: false, response: redirectInFlow(c, STEP_PATH.terms) };
  }
  if (flow.step === 'complete' && step !== 'complete') {
    return { ok: false, response: redirectInFlow(c, STEP_PATH.complete) };
  }
  // Fault: off by one, the step right after the flow's own is let through too.
  const leaks =
    faulty(c.get('bank'), 'step-reachable-by-url') && stepIndex(step) === stepIndex(flow.step) + 1;
  if (!canVisit(flow, step) && !leaks) {
    session.flash = MSG.stepRefused;
    return { ok: false, response: redirectInFlow(c, STEP_PATH[flow.step]) };
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
