import type { Child } from 'hono/jsx';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isUserId } from '../domain/formats.ts';
import { faulty } from '../faults.ts';
import { MSG } from '../messages.ts';
import { CERTIFICATE_VALIDITY_YEARS } from '../rules.ts';
import {
  Actions,
  Alert,
  Button,
  FAULT_CLASS,
  Field,
  Form,
  Notice,
  PageHeading,
} from '../views/components.tsx';
import { Layout, type Door } from '../views/Layout.tsx';
import type { AppEnv } from './env.ts';
import { field, formFields } from './forms.ts';
import { loggedInName } from './session.ts';
import { flowUrl } from './issuance/guard.ts';

/** The internet-banking page of 인증센터 (the dialog's 취소 comes back here). */
export const CERT_CENTER_URL = '/certcenter';
const LOGIN_URL = '/login';
const APP = {
  home: '/app',
  menu: '/app/menu',
  security: '/app/security',
  otherMeans: '/app/security/other',
  fincert: '/app/fincert',
} as const;

/** Page copy of the app's KB국민인증서 choice (seed): it does not start the flow, it explains the difference. */
const KB_CERT_INFO =
  'KB국민인증서는 KB국민은행 전용 인증서로 KB국민은행에서만 사용할 수 있습니다. ' +
  '금융인증서는 정부24, 홈택스, 청약홈 등 여러 기관과 모든 은행에서 사용할 수 있습니다.';

function refererPath(c: Context<AppEnv>): string {
  try {
    return new URL(c.req.header('referer') ?? '', 'http://referer.invalid').pathname;
  } catch {
    return '';
  }
}

/** One front-door page: the shared shell with this browser's login state. */
function page(c: Context<AppEnv>, door: Door, title: string, body: Child, status: 200 | 400 = 200) {
  return c.html(
    <Layout title={title} door={door} loggedInName={loggedInName(c)}>
      {body}
    </Layout>,
    status,
  );
}

/** A button that only navigates (no state changes), so a GET form works without JavaScript. */
function NavButton({
  action,
  label,
  query,
  class: className,
}: {
  action: string;
  label: string;
  query?: Record<string, string>;
  class?: string | undefined;
}) {
  return (
    <Form action={action} method="get" class={className}>
      {Object.entries(query ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <Button>{label}</Button>
    </Form>
  );
}

export const frontDoors = new Hono<AppEnv>();

// ---- Internet banking (desktop) ----

frontDoors.get('/', (c) => {
  const name = loggedInName(c);
  return page(
    c,
    'web',
    'KB국민은행 인터넷뱅킹',
    <>
      <PageHeading>KB국민은행 인터넷뱅킹</PageHeading>
      {name ? <p>{name}님, 환영합니다.</p> : null}
      <p>금융인증서 발급·재발급과 갱신은 인증센터에서 이용하실 수 있습니다.</p>
    </>,
  );
});

frontDoors.get(CERT_CENTER_URL, (c) =>
  page(
    c,
    'web',
    '인증센터 - KB국민은행',
    <>
      <PageHeading>인증센터</PageHeading>
      <section aria-labelledby="fincert-menu">
        <h2 id="fincert-menu">금융인증서</h2>
        <p>
          금융인증서는 금융결제원 클라우드에 보관되어 어디서든 이용할 수 있으며, 유효기간은{' '}
          {CERTIFICATE_VALIDITY_YEARS}년입니다.
        </p>
        <ul>
          <li>
            <a href={flowUrl(c)}>금융인증서 발급/재발급</a>
          </li>
          <li>
            <a href="/renewal">금융인증서 갱신</a>
          </li>
          <li>
            <a href="/id-lookup">아이디찾기</a>
          </li>
        </ul>
      </section>
    </>,
  ),
);

function loginPage(
  c: Context<AppEnv>,
  opts: { alert?: string; userId?: string } = {},
  status: 200 | 400 = 200,
) {
  return page(
    c,
    'web',
    '로그인 - KB국민은행',
    <>
      <PageHeading>로그인</PageHeading>
      <Alert message={opts.alert} />
      <Form action={LOGIN_URL}>
        <Field label="사용자ID" name="userId" value={opts.userId} autoComplete="username" />
        {/* The password is never sent back: it is a secret. */}
        <Field label="비밀번호" name="password" type="password" autoComplete="current-password" />
        <Actions>
          <Button>로그인</Button>
        </Actions>
      </Form>
    </>,
    status,
  );
}

const LoginForm = z.object({
  userId: z.string().refine(isUserId, MSG.userIdFormat),
  password: z.string().min(1, MSG.loginFailed),
});

frontDoors.get(LOGIN_URL, (c) => loginPage(c));

frontDoors.post(LOGIN_URL, async (c) => {
  const fields = await formFields(c);
  const typed = { userId: field(fields, 'userId'), password: fields.password ?? '' };
  const parsed = LoginForm.safeParse(typed);
  if (!parsed.success) {
    return loginPage(
      c,
      { alert: parsed.error.issues[0]?.message ?? MSG.loginFailed, userId: typed.userId },
      400,
    );
  }
  const bank = c.get('bank');
  const customer = bank.store.getCustomer(parsed.data.userId);
  if (!customer || customer.loginPassword !== parsed.data.password) {
    bank.log('login.failed', { userId: parsed.data.userId });
    return loginPage(c, { alert: MSG.loginFailed, userId: typed.userId }, 400);
  }
  c.get('session').userId = customer.userId;
  bank.log('login', { userId: customer.userId });
  return c.redirect('/', 303);
});

frontDoors.post('/logout', (c) => {
  delete c.get('session').userId;
  // Back to the door the customer came from; only the path is read, so this is never an open redirect.
  return c.redirect(refererPath(c).startsWith(APP.home) ? APP.home : '/', 303);
});

// ---- KB스타뱅킹 app (mobile web): the seed's path, one screen per tap ----

frontDoors.get(APP.home, (c) =>
  page(
    c,
    'app',
    'KB스타뱅킹',
    <>
      <PageHeading>KB스타뱅킹</PageHeading>
      <p>자주 쓰는 메뉴는 전체메뉴에서 찾으실 수 있습니다.</p>
      <NavButton action={APP.menu} label="전체메뉴" />
    </>,
  ),
);

frontDoors.get(APP.menu, (c) =>
  page(
    c,
    'app',
    '전체메뉴 - KB스타뱅킹',
    <>
      <PageHeading>전체메뉴</PageHeading>
      <nav aria-label="전체메뉴">
        <ul>
          <li>
            <a href={APP.security}>인증/보안</a>
          </li>
        </ul>
      </nav>
    </>,
  ),
);

frontDoors.get(APP.security, (c) => {
  const hiddenOnPhone = faulty(c.get('bank'), 'phone-app-menu-step-hidden');
  return page(
    c,
    'app',
    '인증/보안 - KB스타뱅킹',
    <>
      <PageHeading>인증/보안</PageHeading>
      <p>KB국민인증서 외의 인증서는 다른 인증수단에서 관리합니다.</p>
      <NavButton
        action={APP.otherMeans}
        label="다른 인증수단"
        class={hiddenOnPhone ? FAULT_CLASS.phoneHidden : undefined}
      />
    </>,
  );
});

frontDoors.get(APP.otherMeans, (c) =>
  page(
    c,
    'app',
    '다른 인증수단 - KB스타뱅킹',
    <>
      <PageHeading>다른 인증수단</PageHeading>
      <h2>인증서</h2>
      <section aria-labelledby="app-fincert">
        <h3 id="app-fincert">금융인증서</h3>
        <p>은행, 정부24, 홈택스 등에서 쓰는 클라우드 인증서입니다.</p>
        <a href={APP.fincert}>인증서 발급/재발급</a>
      </section>
    </>,
  ),
);

frontDoors.get(APP.fincert, (c) => {
  const showKbInfo = c.req.query('info') === 'kb';
  return page(
    c,
    'app',
    '인증서 발급/재발급 - KB스타뱅킹',
    <>
      <PageHeading>인증서 발급/재발급</PageHeading>
      <p>발급할 인증서를 선택해 주세요.</p>
      <Notice message={showKbInfo ? KB_CERT_INFO : undefined} />
      <Actions>
        <NavButton action={flowUrl(c)} label="금융인증서 발급" query={{ door: 'app' }} />
        <NavButton action={APP.fincert} label="KB국민인증서 발급" query={{ info: 'kb' }} />
      </Actions>
    </>,
  );
});
