import { test } from '@playwright/test';

type AsyncMethod<This, Args extends unknown[], Result> = (this: This, ...args: Args) => Promise<Result>;

/** Decorates any async method (plain title). */
type AnyMethodStep = <This, Args extends unknown[], Result>(
  method: AsyncMethod<This, Args, Result>,
  context: ClassMethodDecoratorContext<This, AsyncMethod<This, Args, Result>>,
) => AsyncMethod<This, Args, Result>;

/** Decorates a method whose arguments the title function takes. */
type MethodStep<Args extends unknown[]> = <This, Result>(
  method: AsyncMethod<This, Args, Result>,
  context: ClassMethodDecoratorContext<This, AsyncMethod<This, Args, Result>>,
) => AsyncMethod<This, Args, Result>;

/**
 * Runs the decorated page-object method as one `test.step`, boxed so a failure points at the spec
 * line that called it. The title is plain words; a title function gets the method's arguments and
 * must pass any secret through `mask()`.
 *
 *   @step('Agree to all terms') async agreeToAll() { … }
 *   @step((pin: string) => `Enter KB모바일인증서 PIN ${mask(pin)}`) async enterKbMobileCertPin(pin: string) { … }
 */
export function step(title: string): AnyMethodStep;
export function step<Args extends unknown[]>(title: (...args: Args) => string): MethodStep<Args>;
export function step(title: string | ((...args: unknown[]) => string)) {
  return <This, Args extends unknown[], Result>(method: AsyncMethod<This, Args, Result>) =>
    function (this: This, ...args: Args): Promise<Result> {
      const name = typeof title === 'string' ? title : title(...args);
      return test.step(name, () => method.apply(this, args), { box: true });
    };
}
