// Completion (spec §2): the new certificate's details. Every step submission lands here afterwards.
import { Hono } from 'hono';
import { CERTIFICATE_ISSUER, CERTIFICATE_KIND } from '../../rules.ts';
import { newFlow } from '../../domain/flow.ts';
import { formatValidity } from '../../domain/validity.ts';
import { faulty } from '../../faults.ts';
import { MSG } from '../../messages.ts';
import { DescriptionList } from '../../views/components.tsx';
import { FlowScreen } from '../../views/FlowScreen.tsx';
import type { AppEnv } from '../env.ts';
import { STEP_PATH, redirectInFlow } from './guard.ts';
import { guardCustomer } from './flowCustomer.ts';

export const complete = new Hono<AppEnv>();

complete.get(STEP_PATH.complete, (c) => {
  const g = guardCustomer(c, 'complete');
  if (!g.ok) return g.response;
  const { flow, session } = g;
  const bank = c.get('bank');
  const cert = flow.issuedSerial ? bank.store.getCertificate(flow.issuedSerial) : undefined;
  if (!cert) {
    // Nothing to show (the records were deleted meanwhile): the flow cannot be resumed, so start over.
    session.flow = newFlow(bank.newId(), flow.door);
    session.flash = MSG.stepRefused;
    return redirectInFlow(c, STEP_PATH.terms);
  }
  // Fault: the heading ignores the reissue.
  const reissue = flow.reissue && !faulty(bank, 'reissue-completion-says-issue');
  const heading = reissue ? '금융인증서 재발급이 완료되었습니다' : '금융인증서 발급이 완료되었습니다';
  let validity = formatValidity(new Date(cert.issuedAt), new Date(cert.expiresAt));
  if (faulty(bank, 'completion-validity-utc-date')) {
    // Fault: the dates are cut from the ISO (UTC) strings; before 09:00 in Korea they show the day before.
    const utcDate = (iso: string) => iso.slice(0, 10).replaceAll('-', '.');
    validity = `${utcDate(cert.issuedAt)} ~ ${utcDate(cert.expiresAt)}`;
  }
  return c.html(
    <FlowScreen flow={flow} screen="complete" title={heading}>
      <section>
        <h2>{heading}</h2>
        <DescriptionList
          items={[
            ['인증서 종류', CERTIFICATE_KIND],
            ['발급기관', CERTIFICATE_ISSUER],
            ['소유자', cert.ownerName],
            ['유효기간', validity],
            ['일련번호', cert.serial],
          ]}
        />
      </section>
    </FlowScreen>,
  );
});
