import type { Child } from 'hono/jsx';
import { stageOf, type Flow, type FlowStep } from '../domain/flow.ts';
import { Alert, Notice, PageHeading, Stepper } from './components.tsx';
import { Layout } from './Layout.tsx';

/**
 * The frame of every issuance screen: heading (발급, or 재발급 once the flow is a reissue), the
 * stepper at this screen's stage, one notice, one alert, then the screen's own content.
 */
export function FlowScreen(props: {
  flow: Flow;
  screen: FlowStep;
  title: string;
  alert?: string | undefined;
  notice?: string | undefined;
  children?: Child;
}) {
  const heading = props.flow.reissue ? '금융인증서 재발급' : '금융인증서 발급';
  return (
    <Layout title={`${props.title} - ${heading}`} door={props.flow.door}>
      <PageHeading>{heading}</PageHeading>
      <Stepper current={stageOf(props.screen)} />
      <Notice message={props.notice} />
      <Alert message={props.alert} />
      {props.children}
    </Layout>
  );
}
