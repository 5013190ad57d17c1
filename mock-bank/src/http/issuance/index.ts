import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { account } from './account.tsx';
import { cloud } from './cloud.tsx';
import { complete } from './complete.tsx';
import { details } from './details.tsx';
import { identity } from './identity.tsx';
import { mobileOtp } from './mobileOtp.tsx';
import { password } from './password.tsx';
import { start } from './start.ts';
import { terms } from './terms.tsx';
import { userInfo } from './userInfo.tsx';

/** The issuance flow, one module per screen. */
export const issuance = new Hono<AppEnv>();
for (const screen of [start, terms, userInfo, identity, account, mobileOtp, details, cloud, password, complete]) {
  issuance.route('/', screen);
}
