import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addYearsKst,
  formatKstDate,
  formatKstDateTime,
  formatValidity,
  kstDayStart,
  newCertificateExpiry,
  reissueExpiry,
  renewalWindow,
  renewedExpiry,
} from '../../src/domain/validity.ts';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

describe('validity: a new certificate expires the same Korean month and day three years later', () => {
  const cases: { issued: string; expires: string; why: string }[] = [
    { issued: '2024-01-05T00:00:00Z', expires: '2027-01-05T00:00:00.000Z', why: 'the spec example' },
    {
      issued: '2024-01-05T20:00:00Z',
      expires: '2027-01-05T20:00:00.000Z',
      why: 'UTC says 5 Jan but Korea says 6 Jan 05:00: expires 6 Jan 2027 05:00 KST',
    },
    { issued: '2024-02-29T00:00:00Z', expires: '2027-02-28T00:00:00.000Z', why: '29 Feb → 28 Feb' },
    {
      issued: '2024-02-28T20:00:00Z',
      expires: '2027-02-27T20:00:00.000Z',
      why: 'UTC 28 Feb is already 29 Feb in Korea → 28 Feb 2027 KST (a UTC rule would give 1 Mar KST)',
    },
    {
      issued: '2024-02-29T20:00:00Z',
      expires: '2027-02-28T20:00:00.000Z',
      why: 'UTC 29 Feb is 1 Mar in Korea → 1 Mar 2027 KST',
    },
    { issued: '2028-02-29T03:00:00Z', expires: '2031-02-28T03:00:00.000Z', why: 'another leap day' },
    {
      issued: '2026-12-31T15:30:00Z',
      expires: '2029-12-31T15:30:00.000Z',
      why: 'already 1 Jan 2027 00:30 in Korea → 1 Jan 2030 00:30 KST',
    },
  ];
  for (const { issued, expires, why } of cases) {
    it(`${issued} → ${expires} (${why})`, () => {
      assert.equal(newCertificateExpiry(at(issued)).toISOString(), expires);
    });
  }

  it('keeps the Korean month and day, shown in Korea time', () => {
    const issued = at('2024-01-05T20:00:00Z');
    assert.equal(formatKstDate(issued), '2024.01.06');
    assert.equal(formatKstDate(newCertificateExpiry(issued)), '2027.01.06');
  });

  it('does not depend on the server time zone', () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Seoul']) {
        process.env.TZ = zone;
        assert.equal(
          newCertificateExpiry(at('2024-02-28T20:00:00Z')).toISOString(),
          '2027-02-27T20:00:00.000Z',
          zone,
        );
        assert.equal(formatKstDate(at('2024-12-31T15:00:00Z')), '2025.01.01', zone);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('addYearsKst counts any number of years', () => {
    assert.equal(addYearsKst(at('2024-02-29T00:00:00Z'), 4).toISOString(), '2028-02-29T00:00:00.000Z');
    assert.equal(addYearsKst(at('2024-02-29T00:00:00Z'), 1).toISOString(), '2025-02-28T00:00:00.000Z');
  });
});

describe('validity: reissue and renewal expiry', () => {
  it('a reissue keeps the old expiry (a copy, not the same object)', () => {
    const old = at('2027-01-05T00:00:00Z');
    const kept = reissueExpiry(old);
    assert.equal(kept.toISOString(), old.toISOString());
    assert.notEqual(kept, old);
  });

  const renewals: { old: string; renewed: string; why: string }[] = [
    { old: '2027-01-05T00:00:00Z', renewed: '2030-01-06T00:00:00.000Z', why: '+1 day +3 years' },
    { old: '2027-12-31T00:00:00Z', renewed: '2031-01-01T00:00:00.000Z', why: 'the day after is New Year' },
    {
      old: '2027-12-31T15:00:00Z',
      renewed: '2031-01-01T15:00:00.000Z',
      why: '1 Jan 2028 KST + 1 day → 2 Jan 2031 KST',
    },
    { old: '2027-02-28T00:00:00Z', renewed: '2030-03-01T00:00:00.000Z', why: '28 Feb + 1 day = 1 Mar' },
    {
      old: '2028-02-28T00:00:00Z',
      renewed: '2031-02-28T00:00:00.000Z',
      why: '28 Feb 2028 + 1 day = 29 Feb → 28 Feb 2031',
    },
  ];
  for (const { old, renewed, why } of renewals) {
    it(`renewed ${old} → ${renewed} (${why})`, () => {
      assert.equal(renewedExpiry(at(old)).toISOString(), renewed);
    });
  }
});

describe('validity: the renewal window (30 days before expiry until expiry)', () => {
  const expiresAt = at('2027-01-05T00:00:00Z');
  const e = expiresAt.getTime();
  const cases: { now: number; window: ReturnType<typeof renewalWindow>; why: string }[] = [
    { now: e - 365 * DAY, window: 'tooEarly', why: 'a year before' },
    { now: e - 31 * DAY, window: 'tooEarly', why: '31 days before' },
    { now: e - 30 * DAY - 1, window: 'tooEarly', why: '30 days and 1 ms before' },
    { now: e - 30 * DAY, window: 'open', why: 'exactly 30 days before' },
    { now: e - DAY, window: 'open', why: 'the day before' },
    { now: e - 1, window: 'open', why: 'the last millisecond' },
    { now: e, window: 'expired', why: 'at expiry' },
    { now: e + DAY, window: 'expired', why: 'a day after' },
  ];
  for (const { now, window, why } of cases) {
    it(`${why} → ${window}`, () => {
      assert.equal(renewalWindow(expiresAt, new Date(now)), window);
    });
  }
});

describe('validity: Korea-time dates', () => {
  const cases: { instant: string; date: string }[] = [
    { instant: '2024-01-05T00:00:00Z', date: '2024.01.05' },
    { instant: '2024-01-05T14:59:59.999Z', date: '2024.01.05' },
    { instant: '2024-01-05T15:00:00Z', date: '2024.01.06' },
    { instant: '2024-12-31T15:00:00Z', date: '2025.01.01' },
    { instant: '2024-02-28T15:00:00Z', date: '2024.02.29' },
    { instant: '2030-09-09T00:00:00Z', date: '2030.09.09' },
  ];
  for (const { instant, date } of cases) {
    it(`${instant} → ${date}`, () => {
      assert.equal(formatKstDate(at(instant)), date);
    });
  }

  const times: { instant: string; shown: string }[] = [
    { instant: '2026-03-01T00:00:00Z', shown: '2026.03.01 09:00:00' },
    { instant: '2026-03-01T14:59:59.999Z', shown: '2026.03.01 23:59:59' },
    { instant: '2026-03-01T15:00:00Z', shown: '2026.03.02 00:00:00' },
    { instant: '2026-12-31T15:04:05Z', shown: '2027.01.01 00:04:05' },
  ];
  for (const { instant, shown } of times) {
    it(`formatKstDateTime(${instant}) → ${shown}`, () => {
      assert.equal(formatKstDateTime(at(instant)), shown);
    });
  }

  it('formatValidity shows issue date ~ expiry date', () => {
    assert.equal(
      formatValidity(at('2024-01-05T20:00:00Z'), at('2027-01-05T20:00:00Z')),
      '2024.01.06 ~ 2027.01.06',
    );
  });

  const days: { iso: string; start: string | null }[] = [
    { iso: '2026-10-01', start: '2026-09-30T15:00:00.000Z' },
    { iso: '2024-02-29', start: '2024-02-28T15:00:00.000Z' },
    { iso: '2026-02-29', start: null },
    { iso: '2026-13-01', start: null },
    { iso: '2026-1-01', start: null },
    { iso: '2026-10-01T00:00:00Z', start: null },
    { iso: '', start: null },
  ];
  for (const { iso, start } of days) {
    it(`kstDayStart(${JSON.stringify(iso)}) → ${start}`, () => {
      assert.equal(kstDayStart(iso)?.toISOString() ?? null, start);
    });
  }
});
