// The panel of a screen that waits for the customer's phone: the ARS call (본인인증) and the cloud
// step's SMS (인증서 설정) show the same pieces, so both use this one component.
import type { Child } from 'hono/jsx';
import type { ChallengeState } from '../domain/types.ts';
import { MSG } from '../messages.ts';
import { Actions, Button, CodeOutput, Countdown, Form, Poller } from './components.tsx';

export interface CodeWaitPanelProps {
  /** `ARS 인증번호` or `SMS 인증번호`: the name of the `<output>` (role status). */
  codeLabel: string;
  code: string;
  remainingMs: number;
  /** app.js POSTs here when the countdown reaches 0:00. */
  expireUrl: string;
  /** JSON `{ state }` the page polls. */
  statusUrl: string;
  /** Where the page goes once the state is `confirmed`. */
  nextUrl: string;
  state: ChallengeState;
  /** POST target of the `재요청` button shown for a failed or expired code. */
  retryAction: string;
  /** The registered phone, already masked (`010-****-1234`). */
  maskedPhone?: string;
  /** Caption before the masked phone. */
  phoneCaption?: string;
  /** What the customer must do with the code (key it in, send it by SMS). */
  instructions?: Child;
}

/**
 * The alert a code's state calls for. The screen passes it to its frame's single alert (rather than the
 * panel rendering its own), so a page never shows two alerts.
 */
export function codeStateAlert(state: ChallengeState | undefined): string | undefined {
  if (state === 'failed') return MSG.codeMismatch;
  if (state === 'expired') return MSG.codeTimeout;
  return undefined;
}

/**
 * Waiting: masked phone, instructions, the code, the countdown and the poller. Failed or expired: only
 * the `재요청` button (the alert comes from codeStateAlert). Confirmed: nothing (the screen moves on).
 */
export function CodeWaitPanel(props: CodeWaitPanelProps) {
  if (props.state === 'failed' || props.state === 'expired') {
    return (
      <Form action={props.retryAction}>
        <Actions>
          <Button>재요청</Button>
        </Actions>
      </Form>
    );
  }
  if (props.state !== 'waiting') return null;
  return (
    <section class="code-wait">
      {props.maskedPhone ? (
        <p class="masked-phone">
          {props.phoneCaption ?? '등록된 휴대폰'} <strong>{props.maskedPhone}</strong>
        </p>
      ) : null}
      {props.instructions ? <p class="instructions">{props.instructions}</p> : null}
      <CodeOutput label={props.codeLabel} code={props.code} />
      <Countdown remainingMs={props.remainingMs} expireUrl={props.expireUrl} />
      <Poller statusUrl={props.statusUrl} nextUrl={props.nextUrl} />
    </section>
  );
}
