import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireCurrentIndex } from '../../lib/index/read';
import { evaluateXrefs, type LabelledSite } from '../../lib/xref/evaluate';
import { XREF_FILE, type XrefIndex } from '../../lib/xref/format';

const LABELS = path.join(import.meta.dirname, '..', 'data', 'xref-labels.json');

/**
 * Go-to-definition measured against hand-checked sites of the real 5.3.3 source (see
 * test/data/README.md). The floors are the figures reached when the set was made, minus a hair:
 * a change that makes navigation worse fails here.
 */
describe('go-to-definition on the labelled 5.3.3 sites', () => {
  const labels = JSON.parse(fs.readFileSync(LABELS, 'utf8')) as LabelledSite[];
  const index = requireCurrentIndex();
  const xrefs = JSON.parse(fs.readFileSync(path.join(index.dir, XREF_FILE), 'utf8')) as XrefIndex;
  const evaluation = evaluateXrefs(labels, xrefs);

  it('uses a labelled set large and varied enough to mean something', () => {
    expect(labels.length).toBeGreaterThanOrEqual(150);
    const categories = new Set(labels.map((l) => l.category));
    for (const category of ['type', 'method', 'field', 'local', 'static-import', 'inner-class', 'overload', 'external']) expect(categories).toContain(category);
  });

  it('links correctly (precision at least 0.99; the goal is 0.97)', () => {
    expect(evaluation.precision, JSON.stringify(evaluation.failures.filter((f) => f.outcome === 'wrong' || f.outcome === 'wrongly-linked'), null, 1)).toBeGreaterThanOrEqual(0.99);
  });

  it('links most sites (recall at least 0.975; the goal is 0.90)', () => {
    expect(evaluation.recall).toBeGreaterThanOrEqual(0.975);
  });

  it('never links an identifier whose definition is outside the source', () => {
    expect(evaluation.failures.filter((f) => f.outcome === 'wrongly-linked')).toEqual([]);
  });
});
