import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Customer } from '../../src/domain/types.ts';
import { newCertificateExpiry, renewedExpiry } from '../../src/domain/validity.ts';
import { setClockOffset } from '../../src/services/clock.ts';
import { createContext, type BankContext } from '../../src/services/context.ts';
import { createCustomer, type NewCustomer } from '../../src/services/customers.ts';
import { phoneView } from '../../src/services/phone.ts';
import {
  activeCertificateOf,
  certificatesOfPerson,
  issueCertificate,
  renewCertificate,
  seedCertificate,
} from '../../src/services/registry.ts';
import { MemoryStore } from '../../src/store.ts';

const START = Date.parse('2026-03-01T00:00:00Z');
const SHINHAN_ACTIVE = {
  bank: '신한은행',
  status: 'active' as const,
  pin: '284719',
  issuedAt: '2024-01-05T00:00:00Z',
  expiresAt: '2027-01-05T00:00:00Z',
};

let fakeNow: number;
let ctx: BankContext;

function customer(input: NewCustomer = {}): Customer {
  const result = createCustomer(ctx, { name: '김민준', ...input });
  assert.ok(result.ok);
  return result.customer;
}

function lastSms(c: Customer): string | undefined {
  return phoneView(ctx, c.phone).sms.at(-1)?.text;
}

function activeCount(c: Customer): number {
  return certificatesOfPerson(ctx, c.rrn).filter((v) => v.status === 'active').length;
}

beforeEach(() => {
  fakeNow = START;
  ctx = createContext(new MemoryStore(), { now: () => fakeNow, log: () => {} });
});

describe('registry: issue', () => {
  it("revokes another bank's active certificate and issues a 3-year KB certificate", () => {
    const kim = customer({ certificate: SHINHAN_ACTIVE });
    const [old] = ctx.store.certificatesOf(kim.rrn);
    const cert = issueCertificate(ctx, kim, '135792', false);
    assert.equal(old!.status, 'revoked');
    assert.equal(cert.status, 'active');
    assert.equal(cert.bank, 'KB국민은행');
    assert.equal(cert.ownerName, '김민준');
    assert.equal(cert.pin, '135792');
    assert.equal(cert.locked, false);
    assert.notEqual(cert.serial, old!.serial);
    assert.equal(cert.issuedAt, '2026-03-01T00:00:00.000Z');
    assert.equal(cert.expiresAt, '2029-03-01T00:00:00.000Z');
    assert.equal(activeCertificateOf(ctx, kim), cert);
    assert.equal(activeCount(kim), 1);
  });

  it('sends the completion SMS, word for word', () => {
    const kim = customer();
    issueCertificate(ctx, kim, '135792', false);
    assert.equal(lastSms(kim), '[KB국민은행] 김민준님 인증서 발급완료. 본인요청 아닐 시 신고요망');
  });

  it('a reissue keeps the old expiry, with a new serial, and sends the same SMS', () => {
    const kim = customer({ certificate: SHINHAN_ACTIVE });
    const [old] = ctx.store.certificatesOf(kim.rrn);
    const cert = issueCertificate(ctx, kim, '135792', true);
    assert.equal(cert.expiresAt, '2027-01-05T00:00:00.000Z');
    assert.notEqual(cert.serial, old!.serial);
    assert.equal(old!.status, 'revoked');
    assert.equal(lastSms(kim), '[KB국민은행] 김민준님 인증서 발급완료. 본인요청 아닐 시 신고요망');
  });

  it('a reissue of a locked certificate gives an unlocked one', () => {
    const kim = customer({ certificate: { ...SHINHAN_ACTIVE, locked: true } });
    const cert = issueCertificate(ctx, kim, '135792', true);
    assert.equal(cert.locked, false);
    assert.equal(cert.pinErrors, 0);
  });

  it("dates follow the customer's clock", () => {
    const kim = customer();
    setClockOffset(kim, 10 * 86_400);
    const cert = issueCertificate(ctx, kim, '135792', false);
    assert.equal(cert.issuedAt, '2026-03-11T00:00:00.000Z');
    assert.equal(cert.expiresAt, newCertificateExpiry(new Date('2026-03-11T00:00:00Z')).toISOString());
  });

  it('an expired certificate is left as it is (it no longer counts)', () => {
    fakeNow = Date.parse('2027-02-01T00:00:00Z');
    const kim = customer({ certificate: SHINHAN_ACTIVE });
    const [old] = ctx.store.certificatesOf(kim.rrn);
    issueCertificate(ctx, kim, '135792', false);
    assert.equal(old!.status, 'active');
    assert.deepEqual(
      certificatesOfPerson(ctx, kim.rrn).map((v) => v.status),
      ['expired', 'active'],
    );
  });

  it("leaves other people's certificates alone", () => {
    const kim = customer({ certificate: SHINHAN_ACTIVE });
    const lee = customer({ name: '이서연', certificate: SHINHAN_ACTIVE });
    issueCertificate(ctx, kim, '135792', false);
    assert.deepEqual(
      certificatesOfPerson(ctx, lee.rrn).map((v) => v.status),
      ['active'],
    );
  });
});

describe('registry: renewal', () => {
  it('a new serial, the old one revoked, expiry = old + 1 day + 3 years, and the renewal SMS', () => {
    fakeNow = Date.parse('2026-12-20T00:00:00Z');
    const kim = customer({ certificate: { ...SHINHAN_ACTIVE, bank: 'KB국민은행' } });
    const old = activeCertificateOf(ctx, kim)!;
    const renewed = renewCertificate(ctx, kim, old);
    assert.equal(old.status, 'revoked');
    assert.notEqual(renewed.serial, old.serial);
    assert.equal(renewed.status, 'active');
    assert.equal(renewed.pin, old.pin, 'the same PIN');
    assert.equal(renewed.issuedAt, '2026-12-20T00:00:00.000Z');
    assert.equal(renewed.expiresAt, '2030-01-06T00:00:00.000Z');
    assert.equal(renewed.expiresAt, renewedExpiry(new Date(old.expiresAt)).toISOString());
    assert.equal(lastSms(kim), '[KB국민은행] 김민준님 인증서 갱신완료. 본인요청 아닐 시 신고요망');
    assert.equal(activeCount(kim), 1);
  });

  it('clears the wrong-PIN count', () => {
    const kim = customer({ certificate: SHINHAN_ACTIVE });
    const old = activeCertificateOf(ctx, kim)!;
    old.pinErrors = 4;
    assert.equal(renewCertificate(ctx, kim, old).pinErrors, 0);
  });
});

describe('registry: views', () => {
  it('lists every certificate of the person, oldest first, status judged on their clock', () => {
    const kim = customer({ certificate: SHINHAN_ACTIVE });
    fakeNow += 1000;
    issueCertificate(ctx, kim, '135792', false);
    assert.deepEqual(
      certificatesOfPerson(ctx, kim.rrn).map((v) => [v.bank, v.status, v.locked]),
      [
        ['신한은행', 'revoked', false],
        ['KB국민은행', 'active', false],
      ],
    );
    setClockOffset(kim, 4 * 365 * 86_400);
    assert.deepEqual(
      certificatesOfPerson(ctx, kim.rrn).map((v) => v.status),
      ['revoked', 'expired'],
    );
    assert.equal(activeCertificateOf(ctx, kim), undefined);
  });

  it('a seeded certificate keeps its dates, in ISO UTC', () => {
    const kim = customer();
    const cert = seedCertificate(ctx, kim, { ...SHINHAN_ACTIVE, issuedAt: '2024-01-05T09:00:00+09:00' });
    assert.equal(cert.issuedAt, '2024-01-05T00:00:00.000Z');
    assert.equal(cert.expiresAt, '2027-01-05T00:00:00.000Z');
    assert.equal(cert.rrn, kim.rrn);
  });
});

describe('registry: one active certificate per person, after any sequence', () => {
  /** mulberry32, seeded so a failing sequence can be replayed. */
  function seeded(seed: number): (n: number) => number {
    let a = seed >>> 0;
    return (n) => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: 60 random issues, reissues, renewals and clock jumps`, () => {
      const random = seeded(seed);
      const kim = customer({ certificate: SHINHAN_ACTIVE });
      const steps: string[] = [];
      for (let i = 0; i < 60; i++) {
        const op = random(4);
        const active = activeCertificateOf(ctx, kim);
        if (op === 0) {
          steps.push('issue');
          const cert = issueCertificate(ctx, kim, '135792', false);
          assert.equal(activeCertificateOf(ctx, kim), cert, steps.join(' → '));
        } else if (op === 1) {
          steps.push('reissue');
          const cert = issueCertificate(ctx, kim, '135792', true);
          if (active) assert.equal(cert.expiresAt, active.expiresAt, steps.join(' → '));
        } else if (op === 2 && active) {
          steps.push('renew');
          renewCertificate(ctx, kim, active);
        } else {
          const days = random(800);
          steps.push(`+${days}d`);
          setClockOffset(kim, kim.clockOffsetSeconds + days * 86_400);
        }
        fakeNow += 1000;
        assert.ok(activeCount(kim) <= 1, `${activeCount(kim)} active after ${steps.join(' → ')}`);
      }
    });
  }
});
