// The page shell for both front doors. Each named header link appears once per page (spec: names are a
// contract and must be unique on a screen), so the footer deliberately carries no links.
import type { PropsWithChildren } from 'hono/jsx';
import { raw } from 'hono/html';

export type Door = 'web' | 'app';

export interface LayoutProps {
  title: string;
  door: Door;
  /** The logged-in customer's name; switches the header from `로그인` to name + `로그아웃`. */
  loggedInName?: string | undefined;
}

function LogoutForm({ name }: { name: string }) {
  return (
    <>
      <span class="user">
        <strong>{name}</strong> 님
      </span>
      <form method="post" action="/logout" class="logout">
        <button type="submit" class="secondary">
          로그아웃
        </button>
      </form>
    </>
  );
}

function WebHeader({ loggedInName }: { loggedInName?: string | undefined }) {
  return (
    <header class="site-header">
      <div class="container header-inner">
        <a href="/" class="brand">
          KB국민은행
        </a>
        <nav aria-label="주 메뉴">
          <a href="/certcenter">인증센터</a>
          {loggedInName ? <LogoutForm name={loggedInName} /> : <a href="/login">로그인</a>}
        </nav>
      </div>
    </header>
  );
}

function AppHeader({ loggedInName }: { loggedInName?: string | undefined }) {
  return (
    <header class="site-header app-header">
      <div class="container header-inner">
        <a href="/app" class="brand">
          KB스타뱅킹
        </a>
        {loggedInName ? (
          <nav aria-label="주 메뉴">
            <LogoutForm name={loggedInName} />
          </nav>
        ) : null}
      </div>
    </header>
  );
}

export function Layout({ title, door, loggedInName, children }: PropsWithChildren<LayoutProps>) {
  return (
    <>
      {/* A constant, never user data: hono/jsx has no other way to emit a doctype. */}
      {raw('<!DOCTYPE html>')}
      <html lang="ko">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          {/* An empty icon: no favicon request, so no 404 in the console of every test. */}
          <link rel="icon" href="data:," />
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/app.js" defer></script>
        </head>
        <body class={door === 'app' ? 'door-app' : 'door-web'}>
          {door === 'app' ? (
            <AppHeader loggedInName={loggedInName} />
          ) : (
            <WebHeader loggedInName={loggedInName} />
          )}
          <main class="container">{children}</main>
          <footer class="site-footer">
            <div class="container">
              <small>모의 은행 · 테스트 전용 화면입니다. 실제 금융거래가 이루어지지 않습니다.</small>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
