import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customerNow, setClockOffset } from '../../src/services/clock.ts';
import { createContext } from '../../src/services/context.ts';
import { createCustomer } from '../../src/services/customers.ts';
import { MemoryStore } from '../../src/store.ts';

describe('clock: per-customer test clock', () => {
  const fakeNow = Date.parse('2026-03-01T00:00:00Z');
  const ctx = createContext(new MemoryStore(), { now: () => fakeNow, log: () => {} });
  const kim = createCustomer(ctx, { userId: 'kimminjun' });
  const lee = createCustomer(ctx, { userId: 'leeseoyeon' });
  assert.ok(kim.ok && lee.ok);

  it('starts at real time', () => {
    assert.equal(customerNow(ctx, kim.customer).getTime(), fakeNow);
  });

  it("moves that customer's now only", () => {
    setClockOffset(kim.customer, 86_400);
    assert.equal(customerNow(ctx, kim.customer).toISOString(), '2026-03-02T00:00:00.000Z');
    assert.equal(customerNow(ctx, lee.customer).getTime(), fakeNow);
    assert.equal(ctx.store.getCustomer('kimminjun')?.clockOffsetSeconds, 86_400, 'kept on the stored record');
  });

  it('may run behind, and back to real time', () => {
    setClockOffset(kim.customer, -60);
    assert.equal(customerNow(ctx, kim.customer).getTime(), fakeNow - 60_000);
    setClockOffset(kim.customer, 0);
    assert.equal(customerNow(ctx, kim.customer).getTime(), fakeNow);
  });

  it('no customer: real time', () => {
    assert.equal(customerNow(ctx, undefined).getTime(), fakeNow);
  });
});
