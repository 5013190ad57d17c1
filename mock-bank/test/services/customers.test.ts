import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ERROR_LIMITS, SECURITY_CARD_CODE_COUNT, SECURITY_CARD_CODE_LENGTH } from '../../src/rules.ts';
import { holdsAnyMedium } from '../../src/domain/customer.ts';
import { isAccountNumber, isDigits, isUserId, normalizeMobile } from '../../src/domain/formats.ts';
import { isBase32Secret } from '../../src/domain/otp.ts';
import { hasValidCheckDigit, rrnProblem } from '../../src/domain/rrn.ts';
import { createContext, type BankContext } from '../../src/services/context.ts';
import { createCustomer, deleteCustomer, generateSecurityCard } from '../../src/services/customers.ts';
import { deliverSms } from '../../src/services/phone.ts';
import { startChallenge } from '../../src/services/challenges.ts';
import { MemoryStore } from '../../src/store.ts';

let ctx: BankContext;
let store: MemoryStore;

beforeEach(() => {
  store = new MemoryStore();
  ctx = createContext(store, { now: () => Date.parse('2026-03-01T00:00:00Z'), log: () => {} });
});

describe('customers: defaults', () => {
  it('a customer with nothing given: an OTP only, no departure, no certificate, nothing counted', () => {
    const result = createCustomer(ctx, {});
    assert.ok(result.ok);
    const c = result.customer;
    assert.deepEqual(Object.keys(c.media ?? {}), ['otp']);
    assert.ok(isBase32Secret(c.media!.otp!.secret));
    assert.equal(c.abroad, null);
    assert.deepEqual(store.certificatesOf(c.rrn), []);
    assert.equal(c.clockOffsetSeconds, 0);
    assert.deepEqual(c.counters, { accountPassword: 0, securityCard: 0, otp: 0, kbMobileCert: 0 });
    assert.deepEqual(c.locks, {
      accountPassword: false,
      securityCard: false,
      otp: false,
      kbMobileCert: false,
    });
    assert.deepEqual(Object.keys(c.counters).sort(), Object.keys(ERROR_LIMITS).sort());
    assert.equal(store.getCustomer(c.userId), c);
  });

  it('generated fields are well-formed', () => {
    for (let i = 0; i < 50; i++) {
      const result = createCustomer(ctx, {});
      assert.ok(result.ok);
      const c = result.customer;
      assert.ok(isUserId(c.userId), c.userId);
      assert.equal(normalizeMobile(c.phone), c.phone);
      assert.ok(c.name.length >= 2);
      assert.match(c.email, /^[^@\s]+@[^@\s]+\.[a-z]+$/);
      assert.ok(c.address.length > 0);
      assert.equal(c.accounts.length, 1);
      assert.ok(isAccountNumber(c.accounts[0]!.number), c.accounts[0]!.number);
      assert.ok(isDigits(c.accounts[0]!.password, 4));
      assert.ok(c.loginPassword.length >= 8);
    }
  });

  it('media null = no medium at all', () => {
    const result = createCustomer(ctx, { media: null });
    assert.ok(result.ok);
    assert.equal(result.customer.media, null);
    assert.equal(holdsAnyMedium(result.customer), false);
  });

  it('given values are kept', () => {
    const media = { securityCard: generateSecurityCard(ctx), kbMobileCert: { pin: '135790' } };
    const result = createCustomer(ctx, {
      userId: 'kbqa0193',
      name: '김민준',
      rrn: '9001011234568',
      phone: '010-1234-5678',
      media,
      abroad: { departedAt: '2026-10-01', returnedAt: null },
    });
    assert.ok(result.ok);
    assert.equal(result.customer.userId, 'kbqa0193');
    assert.equal(result.customer.rrn, '9001011234568');
    assert.deepEqual(result.customer.media, media);
    assert.deepEqual(result.customer.abroad, { departedAt: '2026-10-01', returnedAt: null });
  });

  it('a generated 보안카드 holds 35 codes of 4 digits', () => {
    const { codes } = generateSecurityCard(ctx);
    assert.equal(codes.length, SECURITY_CARD_CODE_COUNT);
    assert.ok(codes.every((code) => isDigits(code, SECURITY_CARD_CODE_LENGTH)));
  });

  it('seeds the given certificate', () => {
    const result = createCustomer(ctx, {
      certificate: {
        bank: '신한은행',
        status: 'suspended',
        pin: '284719',
        issuedAt: '2024-01-05T00:00:00Z',
        expiresAt: '2027-01-05T00:00:00Z',
      },
    });
    assert.ok(result.ok);
    assert.deepEqual(
      store.certificatesOf(result.customer.rrn).map((c) => [c.bank, c.status]),
      [['신한은행', 'suspended']],
    );
  });
});

describe('customers: conflicts leave nothing half-made', () => {
  const taken = { userId: 'kbqa0193', rrn: '9001011234568', phone: '010-1234-5678' };
  const cases: { input: object; conflict: 'userId' | 'rrn' | 'phone' }[] = [
    { input: { userId: taken.userId }, conflict: 'userId' },
    { input: { rrn: taken.rrn }, conflict: 'rrn' },
    { input: { phone: taken.phone }, conflict: 'phone' },
  ];
  for (const { input, conflict } of cases) {
    it(`a taken ${conflict} → conflict ${conflict}`, () => {
      assert.ok(createCustomer(ctx, taken).ok);
      const certificate = {
        bank: '신한은행',
        status: 'active' as const,
        pin: '1',
        issuedAt: '2024-01-05T00:00:00Z',
        expiresAt: '2027-01-05T00:00:00Z',
      };
      const result = createCustomer(ctx, {
        userId: 'another01',
        rrn: '8501152345677',
        phone: '010-9999-8888',
        ...input,
        certificate,
      });
      assert.deepEqual(result, { ok: false, conflict });
      assert.equal(store.getCustomer('another01'), undefined);
      assert.equal(store.findCustomerByRrn('8501152345677'), undefined);
      assert.deepEqual(store.certificatesOf(taken.rrn), [], 'no certificate seeded');
      assert.equal(store.getCustomer(taken.userId)?.phone, taken.phone, 'the first is untouched');
    });
  }
});

describe('customers: generated 주민등록번호', () => {
  it('passes rrnProblem and the check digit, every time', () => {
    for (let i = 0; i < 300; i++) {
      const result = createCustomer(ctx, {});
      assert.ok(result.ok);
      assert.equal(rrnProblem(result.customer.rrn), null, result.customer.rrn);
      assert.ok(hasValidCheckDigit(result.customer.rrn), result.customer.rrn);
    }
  });

  it('is never a placeholder, even when the draw makes one', () => {
    // The generator draws day (1 + randomInt(28)), gender (1 + randomInt(2)), place and digits.
    // Day 9 with every other draw 0 gives 100109-1000000, whose check digit is 0: the placeholder
    // 1000000 (Σ = 2 + 5 + 63 + 8 = 78, 78 mod 11 = 1, (11 − 1) mod 10 = 0).
    let dayDraws = 0;
    const randomInt = (n: number) => (n === 28 && dayDraws++ === 0 ? 8 : 0);
    const scripted = createContext(store, { now: () => 0, log: () => {}, randomInt });
    const result = createCustomer(scripted, {});
    assert.ok(result.ok);
    assert.equal(rrnProblem(result.customer.rrn), null, result.customer.rrn);
    assert.ok(hasValidCheckDigit(result.customer.rrn));
  });

  /** A store that counts the look-ups createCustomer makes to check a generated value is free. */
  class WatchedStore extends MemoryStore {
    lookups = 0;
    watch: 'userId' | 'rrn' | 'phone' = 'rrn';
    override getCustomer(userId: string) {
      if (this.watch === 'userId') this.lookups++;
      return super.getCustomer(userId);
    }
    override findCustomerByRrn(rrn: string) {
      if (this.watch === 'rrn') this.lookups++;
      return super.findCustomerByRrn(rrn);
    }
    override findCustomerByPhone(phone: string) {
      if (this.watch === 'phone') this.lookups++;
      return super.findCustomerByPhone(phone);
    }
  }

  const fields = [
    { field: 'userId', given: { rrn: '8501152345677', phone: '010-9999-8888' } },
    { field: 'rrn', given: { userId: 'another01', phone: '010-9999-8888' } },
    { field: 'phone', given: { userId: 'another01', rrn: '8501152345677' } },
  ] as const;
  for (const { field, given } of fields) {
    it(`a generated ${field} already taken is drawn again`, () => {
      const watched = new WatchedStore();
      const first = createCustomer(createContext(watched, { log: () => {}, randomInt: () => 0 }), {});
      assert.ok(first.ok);
      // Draw exactly as for the first customer until the first look-up of this field, then differently.
      watched.watch = field;
      watched.lookups = 0;
      const randomInt = (n: number) => (watched.lookups === 0 ? 0 : Math.min(1, n - 1));
      const second = createCustomer(createContext(watched, { log: () => {}, randomInt }), given);
      assert.ok(second.ok);
      assert.ok(watched.lookups >= 2, 'the first draw was checked and refused');
      assert.notEqual(second.customer[field], first.customer[field]);
    });
  }
});

describe('customers: delete', () => {
  it('removes the customer, their phone, codes and certificates', () => {
    const result = createCustomer(ctx, {
      certificate: {
        bank: 'KB국민은행',
        status: 'active',
        pin: '284719',
        issuedAt: '2024-01-05T00:00:00Z',
        expiresAt: '2027-01-05T00:00:00Z',
      },
    });
    assert.ok(result.ok);
    const c = result.customer;
    deliverSms(ctx, c.phone, 'hello');
    const code = startChallenge(ctx, 'ars', c, { ttlMs: 180_000, codeLength: 2 });
    deleteCustomer(ctx, c);
    assert.equal(store.getCustomer(c.userId), undefined);
    assert.equal(store.getPhone(c.phone), undefined);
    assert.equal(store.getChallenge(code.id), undefined);
    assert.deepEqual(store.certificatesOf(c.rrn), []);
    assert.ok(
      createCustomer(ctx, { userId: c.userId, rrn: c.rrn, phone: c.phone }).ok,
      'all three free again',
    );
  });
});
