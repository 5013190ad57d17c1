// Small presentational components shared by every screen. The accessible names they produce are part of
// the spec's contract (labels, roles), so each component keeps its markup minimal and predictable.
import type { Child, PropsWithChildren } from 'hono/jsx';
import { POLL_INTERVAL_MS } from '../rules.ts';

/** An id that is safe in HTML and CSS selectors, derived from a form field name (names may be Korean). */
export function fieldId(name: string, suffix?: string): string {
  const base = `f-${name.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.codePointAt(0)?.toString(16) ?? ''}`)}`;
  return suffix === undefined ? base : `${base}-${suffix.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * Remaining time as `M:SS`. Rounds up, so `0:00` appears only once the time is really over — the same
 * rule public/app.js uses, so the server's first paint and the first client tick agree.
 */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** An error message for the whole screen. Renders nothing for an empty message, so callers need no `if`. */
export function Alert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" class="alert">
      {message}
    </p>
  );
}

/** An informational notice (e.g. the automatic logout before issuance). */
export function Notice({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="status" class="notice">
      {message}
    </p>
  );
}

export const STEP_LABELS = [
  '약관동의',
  '사용자 정보 입력',
  '본인인증',
  '계좌/보안매체 인증',
  '인증서 설정',
] as const;

/** The issuance flow's five stages (current: 1..5); the current one carries `aria-current="step"`. */
export function Stepper({ current }: { current: number }) {
  return (
    <ol class="stepper" aria-label="진행 단계">
      {STEP_LABELS.map((label, index) => {
        const step = index + 1;
        if (step === current) {
          return (
            <li class="current" aria-current="step">
              {label}
            </li>
          );
        }
        // Text stays exactly the label (no numbers or icons inside), so toHaveText() checks stay exact.
        return <li class={step < current ? 'done' : undefined}>{label}</li>;
      })}
    </ol>
  );
}

type InputMode = 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';

export interface FieldProps {
  label: string;
  name: string;
  type?: 'text' | 'password' | 'tel' | 'email' | 'number' | 'search' | 'url';
  value?: string | undefined;
  inputMode?: InputMode;
  maxLength?: number;
  autoComplete?: string;
  required?: boolean;
  pattern?: string;
  /** Overrides the id derived from `name` (only needed if one name appears twice on a page). */
  id?: string;
  /** Marks the field as the one the alert is about; app.js focuses it first. */
  invalid?: boolean;
  /** Short help text under the field, linked with aria-describedby (kept out of the label on purpose). */
  hint?: string;
}

/**
 * One labelled text input. The `<label>` holds only the label text so getByLabel(label, { exact: true })
 * finds it; secrets pass type="password".
 */
export function Field(props: FieldProps) {
  const id = props.id ?? fieldId(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        inputmode={props.inputMode}
        maxlength={props.maxLength}
        // Secrets (PINs, passwords) are not offered to password managers unless the caller asks.
        autocomplete={props.autoComplete ?? (props.type === 'password' ? 'off' : undefined)}
        required={props.required}
        pattern={props.pattern}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={hintId}
        // Korean IME and phones otherwise "correct" IDs and digits.
        autocapitalize="off"
        spellcheck={false}
      />
      {props.hint ? (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export interface CheckboxProps {
  label: string;
  name: string;
  checked?: boolean;
  value?: string;
  /** The `전체 동의` box: app.js toggles every checkbox of the same form with it. */
  checkAll?: boolean;
  id?: string;
}

export function Checkbox(props: CheckboxProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.checkAll ? 'check check-all' : 'check'}>
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? 'on'}
        checked={props.checked ?? false}
        data-check-all={props.checkAll ? '' : undefined}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}

export interface RadioProps {
  label: string;
  name: string;
  value: string;
  checked?: boolean;
  id?: string;
}

export function Radio(props: RadioProps) {
  const id = props.id ?? fieldId(props.name, props.value);
  return (
    <div class="check">
      <input type="radio" id={id} name={props.name} value={props.value} checked={props.checked ?? false} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** Groups checkboxes or radios under a visible caption (a `group` named by its legend). */
export function Fieldset({ legend, children }: PropsWithChildren<{ legend: string }>) {
  return (
    <fieldset class="choices">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * A 3-minute style countdown. The server paints the first value; app.js recomputes it from Date.now()
 * and, at 0:00, POSTs to `expireUrl` and reloads. The visible prefix is aria-hidden so that the timer is
 * the only element named `남은 시간`.
 */
export function Countdown({ remainingMs, expireUrl }: { remainingMs: number; expireUrl: string }) {
  const ms = Math.max(0, Math.round(remainingMs));
  return (
    <p class="countdown">
      <span aria-hidden="true">남은 시간</span>{' '}
      <span role="timer" aria-label="남은 시간" data-remaining-ms={String(ms)} data-expire-url={expireUrl}>
        {formatRemaining(ms)}
      </span>
    </p>
  );
}

/**
 * A code the customer must key in or send (`ARS 인증번호`, `SMS 인증번호`). aria-labelledby (not just the
 * label's `for`) makes the status role's name the label text in every accessibility tree.
 */
export function CodeOutput({ label, code, id }: { label: string; code: string; id?: string }) {
  const outputId = id ?? fieldId(label);
  const labelId = `${outputId}-label`;
  return (
    <div class="code-output">
      <label id={labelId} for={outputId}>
        {label}
      </label>
      <output id={outputId} role="status" aria-labelledby={labelId}>
        {code}
      </output>
    </div>
  );
}

/**
 * Marks a page that waits for something outside the browser (the phone). app.js fetches `statusUrl`
 * every POLL_INTERVAL_MS and goes to `nextUrl` on `confirmed`, reloads on `failed` / `expired`.
 */
const POLL_MS = String(POLL_INTERVAL_MS);

export function Poller({
  statusUrl,
  nextUrl,
  children,
}: PropsWithChildren<{ statusUrl: string; nextUrl: string }>) {
  if (children === undefined || children === null) {
    return <div hidden data-poll-url={statusUrl} data-next-url={nextUrl} data-poll-ms={POLL_MS}></div>;
  }
  return (
    <div class="poller" data-poll-url={statusUrl} data-next-url={nextUrl} data-poll-ms={POLL_MS}>
      {children}
    </div>
  );
}

export interface DialogProps {
  /** Visible heading that names the dialog. Leave it out when the dialog's text must start with the body. */
  title?: string;
  /** Accessible name when there is no title. */
  label?: string;
  /** Buttons/links under the body; kept out of aria-describedby so only the message is the description. */
  actions?: Child;
  id?: string;
}

/**
 * A modal dialog, rendered open by the server (it answers a form POST). app.js upgrades it to a real
 * modal (showModal: the page behind becomes inert), focuses its first button and traps Tab inside it.
 */
export function Dialog({ title, label, actions, id, children }: PropsWithChildren<DialogProps>) {
  const dialogId = id ?? 'dialog';
  const titleId = `${dialogId}-title`;
  const bodyId = `${dialogId}-body`;
  return (
    <dialog
      open
      id={dialogId}
      class="modal"
      role="dialog"
      aria-modal="true"
      aria-labelledby={title ? titleId : undefined}
      aria-label={title ? undefined : (label ?? '알림')}
      aria-describedby={bodyId}
    >
      {title ? <h2 id={titleId}>{title}</h2> : null}
      <div id={bodyId} class="dialog-body">
        {children}
      </div>
      {actions === undefined || actions === null ? null : <div class="actions">{actions}</div>}
    </dialog>
  );
}

/** Term/value pairs (the completion page's certificate details). */
export function DescriptionList({ items }: { items: ReadonlyArray<readonly [string, Child]> }) {
  return (
    <dl class="details">
      {items.map(([term, value]) => (
        // A div per pair is valid inside <dl> and lets CSS lay pairs out as rows.
        <div>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PageHeading({ children }: PropsWithChildren) {
  return <h1>{children}</h1>;
}

export interface FormProps {
  action: string;
  method?: 'post' | 'get';
  id?: string;
  class?: string;
}

/**
 * A form with `novalidate`: the server validates every submission (spec §2), so browser checks must not
 * stop a test from reaching it.
 */
export function Form({ action, method, id, class: className, children }: PropsWithChildren<FormProps>) {
  return (
    <form method={method ?? 'post'} action={action} id={id} class={className} novalidate>
      {children}
    </form>
  );
}

export interface ButtonProps {
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
  variant?: 'primary' | 'secondary';
  /** Submits a different form than the enclosing one (e.g. a button outside its form). */
  form?: string;
}

export function Button({ type, name, value, variant, form, children }: PropsWithChildren<ButtonProps>) {
  return (
    <button
      type={type ?? 'submit'}
      name={name}
      value={value}
      form={form}
      class={variant === 'secondary' ? 'secondary' : undefined}
    >
      {children}
    </button>
  );
}

/** A link that looks like a button (e.g. the dialog's `취소`); it stays a link for assistive tech. */
export function ButtonLink({
  href,
  variant,
  children,
}: PropsWithChildren<{ href: string; variant?: 'primary' | 'secondary' }>) {
  return (
    <a href={href} class={variant === 'primary' ? 'button' : 'button secondary'}>
      {children}
    </a>
  );
}

/**
 * Classes only a deliberate fault's markup carries (mock-bank/src/faults.ts): layout bugs that show at
 * phone width alone, styled in app.css's "Faults" section.
 */
export const FAULT_CLASS = {
  /** Hidden below 600 px. */
  phoneHidden: 'fault-phone-hidden',
  /** Its `.actions` row laid out past the right edge of the screen below 600 px. */
  phoneOffscreen: 'fault-phone-offscreen',
} as const;

/** A row of buttons under a form. */
export function Actions({ children }: PropsWithChildren) {
  return <div class="actions">{children}</div>;
}
