import { Hono } from 'hono';
import { z } from 'zod';
import { MSG } from '../../messages.ts';
import type { AppEnv } from '../env.ts';
import { redirectInFlow, STEP_PATH, startFlow } from './guard.ts';

/** `door=app` comes from KB스타뱅킹's 금융인증서 발급; anything else is the internet-banking door. */
const DoorQuery = z.enum(['web', 'app']).catch('web');

/** The start link: always a new flow at 약관동의; a logged-in customer is logged out first (seed). */
export const start = new Hono<AppEnv>();

// The flow's prefix itself (the issuance router is mounted there).
start.get('/', (c) => {
  const door = DoorQuery.parse(c.req.query('door'));
  const { loggedOut } = startFlow(c, door);
  const session = c.get('session');
  // An alert or notice left over from an abandoned flow must not greet the new one.
  delete session.flash;
  if (loggedOut) session.notice = MSG.loggedOutNotice;
  else delete session.notice;
  c.get('bank').log('flow.started', { door, loggedOut });
  return redirectInFlow(c, STEP_PATH.terms);
});
