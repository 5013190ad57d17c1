import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BANK_NAME, ERROR_LIMITS, USER_ID_PATTERN } from '../../src/rules.ts';
import { recordWrongTry } from '../../src/domain/limits.ts';
import { otpCode } from '../../src/domain/otp.ts';
import { api, makeBank } from '../support.ts';
import {
  createCustomer,
  expectError,
  ONE_MB,
  OTP_SECRET,
  rawApi,
  rrn,
  securityCardCodes,
  type CertificateRecord,
  type CustomerRecord,
} from './fixtures.ts';

const FULL = {
  userId: 'kbqa0193',
  loginPassword: 'secret-pass-1',
  name: '김민준',
  rrn: '9001011234568',
  phone: '01055501777',
  email: 'minjun@example.com',
  address: '서울특별시 중구 세종대로 110',
  accounts: [
    { number: '12345678901234', password: '4826' },
    { number: '123-45-6789-012', password: '7391' },
  ],
  media: {
    securityCard: { codes: securityCardCodes() },
    otp: { secret: OTP_SECRET },
    kbMobileCert: { pin: '135790' },
  },
  abroad: { departedAt: '2026-10-01', returnedAt: null },
  certificate: {
    status: 'active',
    pin: '284719',
    issuedAt: '2024-01-05T09:00:00+09:00',
    expiresAt: '2027-01-05T00:00:00Z',
  },
};

describe('GET /__test__/customers', () => {
  it('counts and names every customer the bank holds now; a deleted one is gone', async () => {
    const { app } = makeBank();
    const list = async () => (await (await api(app).get('/customers')).json()) as { count: number; userIds: string[] };
    assert.deepEqual(await list(), { count: 0, userIds: [] });
    const first = await createCustomer(app);
    const second = await createCustomer(app);
    const both = await list();
    assert.equal(both.count, 2);
    assert.deepEqual([...both.userIds].sort(), [first.userId, second.userId].sort());
    assert.equal((await api(app).delete(`/customers/${first.userId}`)).status, 204);
    assert.deepEqual(await list(), { count: 1, userIds: [second.userId] });
  });
});

describe('POST /__test__/customers', () => {
  it('generates every field left out; media left out = an OTP only', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, {});
    assert.match(c.userId, USER_ID_PATTERN);
    assert.match(c.rrn, /^\d{13}$/);
    assert.match(c.phone, /^010-\d{4}-\d{4}$/);
    assert.ok(c.loginPassword && c.name && c.email && c.address);
    assert.equal(c.accounts.length, 1);
    assert.match(c.accounts[0]!.number, /^\d{6}-\d{2}-\d{6}$/);
    assert.match(c.accounts[0]!.password, /^\d{4}$/);
    assert.match(c.media?.otp?.secret ?? '', /^[A-Z2-7]+$/);
    assert.equal(c.media?.securityCard, null);
    assert.equal(c.media?.kbMobileCert, null);
    assert.equal(c.abroad, null);
    assert.equal(c.certificate, null);
  });

  it('keeps what it is given, in the registered forms, and answers the whole record', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, FULL);
    assert.equal(c.userId, 'kbqa0193');
    assert.equal(c.loginPassword, 'secret-pass-1');
    assert.equal(c.name, '김민준');
    assert.equal(c.rrn, '9001011234568');
    assert.equal(c.phone, '010-5550-1777', 'phone in its hyphenated form');
    assert.equal(c.email, 'minjun@example.com');
    assert.deepEqual(c.accounts, [
      { number: '123456-78-901234', password: '4826' },
      { number: '123-45-6789-012', password: '7391' },
    ]);
    assert.deepEqual(c.media, {
      securityCard: { codes: securityCardCodes() },
      otp: { secret: OTP_SECRET },
      kbMobileCert: { pin: '135790' },
    });
    assert.deepEqual(c.abroad, { departedAt: '2026-10-01', returnedAt: null });
    const cert = c.certificate as CertificateRecord;
    assert.equal(cert.bank, BANK_NAME, 'bank defaults to KB국민은행');
    assert.equal(cert.status, 'active');
    assert.equal(cert.pin, '284719');
    assert.equal(cert.locked, false);
    assert.equal(cert.issuedAt, '2024-01-05T00:00:00.000Z', 'ISO 8601 in UTC');
    assert.equal(cert.expiresAt, '2027-01-05T00:00:00.000Z');
    assert.match(cert.serial, /^[0-9A-F]+$/);
  });

  it('media: null = no medium; a certificate of another bank, suspended and locked, is kept as seeded', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, {
      media: null,
      certificate: { bank: '신한은행', status: 'suspended', pin: '102938', locked: true,
        issuedAt: '2025-01-01T00:00:00Z', expiresAt: '2028-01-01T00:00:00Z' },
    });
    assert.equal(c.media, null);
    assert.equal(c.certificate?.bank, '신한은행');
    assert.equal(c.certificate?.status, 'suspended');
    assert.equal(c.certificate?.locked, true);
  });

  it('a certificate given without pin gets a valid generated PIN: 6 digits, never a weak one', async () => {
    // Draws walk 111111, 123456, 654321 (weak, drawn again) before 284719: the generator must skip them.
    const draws = [...'111111123456654321284719'].map(Number);
    const { app } = makeBank({ randomInt: () => draws.shift() ?? 0 });
    // Every other field given, so the PIN is the only thing drawn.
    const { pin: _left_out, ...certificate } = FULL.certificate;
    const c = await createCustomer(app, { ...FULL, certificate });
    assert.equal(c.certificate?.pin, '284719');
  });

  it('a revoked seed is not the current certificate; an expired one shows as expired', async () => {
    const { app } = makeBank();
    const revoked = await createCustomer(app, {
      certificate: { status: 'revoked', pin: '102938', issuedAt: '2025-01-01T00:00:00Z', expiresAt: '2028-01-01T00:00:00Z' },
    });
    assert.equal(revoked.certificate, null);
    const expired = await createCustomer(app, {
      certificate: { status: 'active', pin: '102938', issuedAt: '2020-01-01T00:00:00Z', expiresAt: '2023-01-01T00:00:00Z' },
    });
    assert.equal(expired.certificate?.status, 'expired');
  });

  it('a seeded 모바일OTP lives in the phone too: the phone page shows its current code', async () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    const { app } = makeBank({ now: () => now });
    const c = await createCustomer(app, { media: { otp: { secret: OTP_SECRET, mobile: true } } });
    assert.deepEqual(c.media?.otp, { secret: OTP_SECRET, mobile: true });
    const page = await app.request(`/phone/${c.phone}`);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes(otpCode(OTP_SECRET, now)));
  });

  it('ignores unknown fields, at the top and inside', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, { userId: 'extra0001', isAdmin: true, media: { otp: { secret: OTP_SECRET, junk: 1 } } });
    assert.equal('isAdmin' in c, false);
    assert.deepEqual(c.media?.otp, { secret: OTP_SECRET });
  });

  it('accepts a 주민등록번호 whose check digit is wrong (numbers since Oct 2020 may fail it)', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, { rrn: '9001011234560' });
    assert.equal(c.rrn, '9001011234560');
  });

  it('409 when the user ID, the 주민등록번호 or the phone is taken, and nothing is made', async () => {
    const { app } = makeBank();
    const first = await createCustomer(app, FULL);
    const otherRrn = rrn('850115234567');
    const cert = FULL.certificate;
    for (const [field, clash] of [
      ['userId', { userId: first.userId, rrn: otherRrn }],
      ['rrn', { userId: 'other00001', rrn: first.rrn }],
      ['phone', { userId: 'other00002', rrn: otherRrn, phone: first.phone }],
    ] as const) {
      await expectError(await api(app).post('/customers', { ...clash, certificate: cert }), 409, new RegExp(field));
    }
    assert.equal((await api(app).get('/customers/other00001')).status, 404);
    assert.equal((await api(app).get('/customers/other00002')).status, 404);
    const certs = (await (await api(app).get(`/certificates?rrn=${otherRrn}`)).json()) as unknown[];
    assert.deepEqual(certs, []);
    const firstCerts = (await (await api(app).get(`/certificates?rrn=${first.rrn}`)).json()) as unknown[];
    assert.equal(firstCerts.length, 1, 'the first customer still has exactly their one certificate');
  });
});

/** Each case breaks one field of an otherwise good body (or the body itself). */
const BASE = {
  userId: 'tablecase1',
  rrn: rrn('950505123456'),
  certificate: { status: 'active', pin: '284719', issuedAt: '2025-01-01T00:00:00Z', expiresAt: '2028-01-01T00:00:00Z' },
};
const BAD_CUSTOMERS: { why: string; body: string; status: number; mentions: RegExp }[] = [
  ...(
    [
      ['userId of the wrong type', { userId: 12345678 }, /userId/],
      ['userId too short', { userId: 'ab12' }, /userId/],
      ['userId starting with a digit', { userId: '1abcdefg' }, /userId/],
      ['userId with a symbol', { userId: 'abc_defg' }, /userId/],
      ['rrn of 12 digits', { rrn: '900101123456' }, /rrn/],
      ['rrn with a hyphen', { rrn: '900101-1234568' }, /rrn/],
      ['rrn of the wrong type', { rrn: 9001011234568 }, /rrn/],
      ['rrn with no real birth date', { rrn: rrn('901301123456') }, /rrn.*date/],
      ['rrn placeholder back half', { rrn: '9001011000000' }, /rrn.*placeholder/],
      ['rrn place code over 96', { rrn: rrn('900101197456') }, /rrn.*place/],
      ['phone not a mobile', { phone: '02-123-4567' }, /phone/],
      ['phone of the wrong type', { phone: 1012345678 }, /phone/],
      ['email not an address', { email: 'not-an-email' }, /email/],
      ['name empty', { name: '   ' }, /name/],
      ['name far too long', { name: '가'.repeat(500) }, /name/],
      ['loginPassword of the wrong type', { loginPassword: 1234 }, /loginPassword/],
      ['address of the wrong type', { address: ['서울'] }, /address/],
      ['accounts empty', { accounts: [] }, /accounts/],
      ['accounts not a list', { accounts: '123456-78-901234' }, /accounts/],
      ['account number malformed', { accounts: [{ number: '1234-5678', password: '1234' }] }, /accounts\[0\]\.number/],
      ['account password of 5 digits', { accounts: [{ number: '123456-78-901234', password: '12345' }] }, /accounts\[0\]\.password/],
      ['account password missing', { accounts: [{ number: '123456-78-901234' }] }, /accounts\[0\]\.password: is required/],
      ['media of the wrong type', { media: 'otp' }, /media/],
      ['security card of 34 codes', { media: { securityCard: { codes: securityCardCodes(34) } } }, /media\.securityCard\.codes/],
      ['security card of 36 codes', { media: { securityCard: { codes: securityCardCodes(36) } } }, /media\.securityCard\.codes/],
      ['security card code not 4 digits', { media: { securityCard: { codes: [...securityCardCodes(34), '12a4'] } } }, /codes\[34\]/],
      ['otp secret not base32', { media: { otp: { secret: 'not base32!' } } }, /media\.otp\.secret/],
      ['otp secret too short', { media: { otp: { secret: 'AAAA' } } }, /media\.otp\.secret/],
      ['otp secret missing', { media: { otp: {} } }, /media\.otp\.secret: is required/],
      ['kbMobileCert pin of 5 digits', { media: { kbMobileCert: { pin: '12345' } } }, /media\.kbMobileCert\.pin/],
      ['abroad departure not a date', { abroad: { departedAt: '2026-13-01', returnedAt: null } }, /abroad\.departedAt/],
      ['abroad departure missing', { abroad: { returnedAt: '2026-01-01' } }, /abroad\.departedAt: is required/],
      ['abroad return before departure', { abroad: { departedAt: '2026-10-01', returnedAt: '2026-09-30' } }, /abroad\.returnedAt/],
      ['certificate status expired (derived, not seeded)', { certificate: { ...BASE.certificate, status: 'expired' } }, /certificate\.status/],
      ['certificate status missing', { certificate: { ...BASE.certificate, status: undefined } }, /certificate\.status: is required/],
      ['certificate pin of 5 digits', { certificate: { ...BASE.certificate, pin: '12345' } }, /certificate\.pin/],
      ['certificate issuedAt not a date', { certificate: { ...BASE.certificate, issuedAt: 'yesterday' } }, /certificate\.issuedAt/],
      ['certificate issuedAt without a zone', { certificate: { ...BASE.certificate, issuedAt: '2025-01-01T00:00:00' } }, /certificate\.issuedAt/],
      ['certificate expiring before it is issued', { certificate: { ...BASE.certificate, expiresAt: '2024-01-01T00:00:00Z' } }, /certificate\.expiresAt/],
      ['certificate locked of the wrong type', { certificate: { ...BASE.certificate, locked: 'yes' } }, /certificate\.locked/],
      ['certificate bank empty', { certificate: { ...BASE.certificate, bank: '' } }, /certificate\.bank/],
    ] as const
  ).map(([why, override, mentions]) => ({ why, body: JSON.stringify({ ...BASE, ...override }), status: 400, mentions })),
  { why: 'broken JSON', body: '{"userId": "tablecase1", ', status: 400, mentions: /JSON/ },
  { why: 'a JSON array', body: '[]', status: 400, mentions: /body/ },
  { why: 'a JSON string', body: '"hello"', status: 400, mentions: /body/ },
  { why: 'JSON null', body: 'null', status: 400, mentions: /body/ },
  { why: 'a 1 MB name', body: JSON.stringify({ ...BASE, name: ONE_MB }), status: 413, mentions: /body/ },
];

describe('POST /__test__/customers: bad input', () => {
  const { app } = makeBank();
  for (const { why, body, status, mentions } of BAD_CUSTOMERS) {
    it(`${why} → ${status}`, async () => {
      await expectError(await rawApi(app, 'POST', '/customers', body), status, mentions);
    });
  }

  it('made no record at all, and the API still answers', async () => {
    await expectError(await api(app).get(`/customers/${BASE.userId}`), 404);
    assert.deepEqual(await (await api(app).get(`/certificates?rrn=${BASE.rrn}`)).json(), []);
    const good = await createCustomer(app, BASE);
    assert.equal(good.userId, BASE.userId, 'the base body itself is good');
  });
});

describe('GET /__test__/customers/:userId', () => {
  it('answers the record plus counters, locks and the clock offset', async () => {
    const { app } = makeBank();
    const created = await createCustomer(app, FULL);
    const res = await api(app).get('/customers/kbqa0193');
    assert.equal(res.status, 200);
    const got = (await res.json()) as CustomerRecord;
    assert.deepEqual(got, created);
    assert.deepEqual(got.counters, { accountPassword: 0, securityCard: 0, otp: 0, kbMobileCert: 0 });
    assert.deepEqual(got.locks, { accountPassword: false, securityCard: false, otp: false, kbMobileCert: false });
    assert.equal(got.clockOffsetSeconds, 0);
  });

  it('404 for an unknown customer', async () => {
    const { app } = makeBank();
    await expectError(await api(app).get('/customers/nobody0001'), 404, /userId/);
  });
});

describe('DELETE /__test__/customers/:userId', () => {
  it('removes the customer, their phone and their certificates (204), then 404', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, FULL);
    await api(app).post(`/phones/${c.phone}/sms`, { text: 'hello' });
    const res = await api(app).delete(`/customers/${c.userId}`);
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    await expectError(await api(app).get(`/customers/${c.userId}`), 404);
    await expectError(await api(app).get(`/phones/${c.phone}`), 404);
    assert.deepEqual(await (await api(app).get(`/certificates?rrn=${c.rrn}`)).json(), []);
    await expectError(await api(app).delete(`/customers/${c.userId}`), 404);
    // The same user ID, 주민등록번호 and phone are free again.
    await createCustomer(app, FULL);
  });
});

describe('POST /__test__/customers/:userId/reset-locks', () => {
  it('sets every counter to 0 and clears every lock, but leaves a locked certificate locked', async () => {
    const { app, bank } = makeBank();
    const c = await createCustomer(app, { ...FULL, certificate: { ...FULL.certificate, locked: true } });
    const stored = bank.store.getCustomer(c.userId)!;
    for (let i = 0; i < ERROR_LIMITS.otp; i++) recordWrongTry(stored, 'otp');
    recordWrongTry(stored, 'accountPassword');
    const before = (await (await api(app).get(`/customers/${c.userId}`)).json()) as CustomerRecord;
    assert.equal(before.locks.otp, true);
    assert.equal(before.counters.accountPassword, 1);

    const res = await api(app).post(`/customers/${c.userId}/reset-locks`);
    assert.equal(res.status, 200);
    const after = (await res.json()) as CustomerRecord;
    assert.deepEqual(after.counters, { accountPassword: 0, securityCard: 0, otp: 0, kbMobileCert: 0 });
    assert.deepEqual(after.locks, { accountPassword: false, securityCard: false, otp: false, kbMobileCert: false });
    assert.equal(after.certificate?.locked, true, 'a certificate PIN lock is not a medium lock: only reissue helps');
  });

  it('404 for an unknown customer', async () => {
    const { app } = makeBank();
    await expectError(await api(app).post('/customers/nobody0001/reset-locks'), 404, /userId/);
  });
});

describe('POST /__test__/customers/:userId/clock', () => {
  it('sets that customer\'s offset only', async () => {
    const { app } = makeBank();
    const a = await createCustomer(app, { userId: 'clocka0001' });
    await createCustomer(app, { userId: 'clockb0001' });
    const res = await api(app).post(`/customers/${a.userId}/clock`, { offsetSeconds: 86_400 });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as CustomerRecord).clockOffsetSeconds, 86_400);
    const back = await api(app).post(`/customers/${a.userId}/clock`, { offsetSeconds: -3600 });
    assert.equal(((await back.json()) as CustomerRecord).clockOffsetSeconds, -3600);
    const b = (await (await api(app).get('/customers/clockb0001')).json()) as CustomerRecord;
    assert.equal(b.clockOffsetSeconds, 0);
  });

  it('refuses bad offsets and unknown customers, changing nothing', async () => {
    const { app } = makeBank();
    const c = await createCustomer(app, { userId: 'clockc0001' });
    const cases: [string, string, number][] = [
      ['a fraction', '{"offsetSeconds": 1.5}', 400],
      ['a string', '{"offsetSeconds": "100"}', 400],
      ['missing', '{}', 400],
      ['no body', '', 400],
      ['100 years', `{"offsetSeconds": ${100 * 366 * 86_400}}`, 400],
      ['beyond a double', '{"offsetSeconds": 1e400}', 400],
      ['broken JSON', '{"offsetSeconds": ', 400],
      ['a 1 MB body', JSON.stringify({ offsetSeconds: 1, pad: ONE_MB }), 413],
    ];
    for (const [why, body, status] of cases) {
      const error = await expectError(await rawApi(app, 'POST', `/customers/${c.userId}/clock`, body), status);
      if (status === 400) assert.match(error, /offsetSeconds|JSON/, why);
    }
    await expectError(await api(app).post('/customers/nobody0001/clock', { offsetSeconds: 5 }), 404, /userId/);
    const after = (await (await api(app).get(`/customers/${c.userId}`)).json()) as CustomerRecord;
    assert.equal(after.clockOffsetSeconds, 0);
  });
});

describe('the log', () => {
  it('never carries a secret or a 주민등록번호', async () => {
    const { app, logLines } = makeBank();
    const c = await createCustomer(app, FULL);
    await api(app).get(`/customers/${c.userId}`);
    await api(app).get(`/certificates?rrn=${c.rrn}`);
    await api(app).post(`/customers/${c.userId}/clock`, { offsetSeconds: 60 });
    await api(app).post(`/customers/${c.userId}/reset-locks`);
    await api(app).post('/flows', { userId: c.userId, at: 'account' });
    await api(app).post(`/phones/${c.phone}/sms`, { text: '42' });
    await api(app).post(`/phones/${c.phone}/keypad`, { digits: '42' });
    await api(app).post('/customers', { ...FULL, userId: 'failing01', accounts: [{ number: '1', password: '4826' }] });
    await api(app).delete(`/customers/${c.userId}`);
    const log = logLines.join('\n');
    assert.ok(logLines.length > 0);
    for (const secret of [c.rrn, c.loginPassword, '284719', '135790', OTP_SECRET, '4826', '7391', '0101', '3535']) {
      assert.equal(log.includes(secret), false, `log must not contain ${secret}`);
    }
  });
});
