/**
 * The traceability gate (part of `npm run test:unit`, so of `npm test`): every catalogued requirement
 * is verified by at least one spec or carries the reason it cannot be, every id a spec declares is in
 * the catalogue, and every fault of the catalogue names the requirements it breaks. Static: it reads
 * the specs, it does not run them (the matrix of `npm run report` says how they did).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAULT_NAMES } from '../mock-bank/src/faults.ts';
import { scanDeclarations } from '../scripts/lib/traceability.ts';
import { isRequirementId, REQUIREMENTS } from './catalogue.ts';
import { FAULT_REQUIREMENTS, requirementsBrokenBy } from './faults.ts';

const declared = scanDeclarations('tests');

describe('requirements traceability gate', () => {
  it('has a test (or the reason it cannot have one) for every catalogued requirement', () => {
    const missing = REQUIREMENTS.filter(
      (entry) => !('untestable' in entry) && (declared.get(entry.id)?.length ?? 0) === 0,
    ).map((entry) => `${entry.id} (${entry.title})`);
    assert.deepEqual(missing, [], `no spec under tests/ verifies:\n  ${missing.join('\n  ')}`);
  });

  it('knows every requirement id the specs declare', () => {
    const unknown = [...declared]
      .filter(([id]) => !isRequirementId(id))
      .map(([id, files]) => `${id} in ${files.join(', ')}`);
    assert.deepEqual(unknown, [], `not in requirements/catalogue.ts:\n  ${unknown.join('\n  ')}`);
  });

  it('gives each requirement a unique id of the form REQ-<its section>-<slug>', () => {
    const ids = REQUIREMENTS.map((entry) => entry.id);
    assert.deepEqual(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      [],
      'duplicate ids',
    );
    const misnamed = REQUIREMENTS.filter(
      (entry) =>
        !new RegExp(`^REQ-${entry.section.replace(/\./g, '\\.')}-[a-z0-9]+(-[a-z0-9]+)*$`).test(entry.id),
    ).map((entry) => entry.id);
    assert.deepEqual(misnamed, [], 'ids not of the form REQ-<section>-<slug>');
  });

  it('names at least one catalogued requirement for every fault of the catalogue', () => {
    const unmapped = FAULT_NAMES.filter((fault) => requirementsBrokenBy(fault).length === 0);
    assert.deepEqual(
      unmapped,
      [],
      `faults without a requirement in requirements/faults.ts: ${unmapped.join(', ')}`,
    );
    const unknown = Object.values(FAULT_REQUIREMENTS)
      .flat()
      .filter((id) => !isRequirementId(id));
    assert.deepEqual(unknown, []);
  });
});
