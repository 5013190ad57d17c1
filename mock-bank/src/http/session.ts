import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { SESSION_COOKIE } from '../rules.ts';
import type { BankContext } from '../services/context.ts';
import type { Session } from '../store.ts';
import type { AppEnv } from './env.ts';

export function newSession(bank: BankContext): Session {
  const session: Session = { id: bank.newId() };
  bank.store.putSession(session);
  return session;
}

/** The cookie carries only an id; the flow state stays on the server. HttpOnly + SameSite=Lax. */
export const sessions = createMiddleware<AppEnv>(async (c, next) => {
  const bank = c.get('bank');
  const id = getCookie(c, SESSION_COOKIE);
  let session = id ? bank.store.getSession(id) : undefined;
  if (!session) {
    session = newSession(bank);
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Lax', path: '/' });
  }
  c.set('session', session);
  await next();
});

/** The logged-in customer's name for the page header; a session whose customer was deleted is logged out. */
export function loggedInName(c: Context<AppEnv>): string | undefined {
  const session = c.get('session');
  if (!session.userId) return undefined;
  const customer = c.get('bank').store.getCustomer(session.userId);
  if (!customer) delete session.userId;
  return customer?.name;
}
