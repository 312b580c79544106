import { parseTarget, xrefAt, type XrefIndex } from './format';

/** One hand-checked identifier site (test/data/xref-labels.json). */
export interface LabelledSite {
  path: string;
  line: number;
  column: number;
  name: string;
  category: string;
  definition: { symbol: string } | { path: string; line: number; column: number } | null;
  note?: string;
}

export type Outcome = 'correct' | 'wrong' | 'unlinked' | 'ambiguous' | 'correctly-unlinked' | 'wrongly-linked';

export interface Evaluation {
  sites: number;
  /** Links made on sites (definite ones; an ambiguous answer is not a link). */
  linked: number;
  correct: number;
  /** Share of links made that are right. */
  precision: number;
  /** Share of sites with a definition in the source that were linked to it. */
  recall: number;
  byCategory: Record<string, { sites: number; correct: number; wrong: number; unlinked: number }>;
  failures: Array<LabelledSite & { outcome: Outcome; got: string | null }>;
}

/** Scores go-to-definition against the labelled sites. */
export function evaluateXrefs(sites: readonly LabelledSite[], xrefs: XrefIndex): Evaluation {
  let linked = 0;
  let correct = 0;
  let withDefinition = 0;
  const byCategory: Evaluation['byCategory'] = {};
  const failures: Evaluation['failures'] = [];
  for (const site of sites) {
    const file = xrefs[site.path];
    const hit = file ? xrefAt(file, site.line, site.column) : null;
    const target = hit ? parseTarget(hit.target) : null;
    const bucket = (byCategory[site.category] ??= { sites: 0, correct: 0, wrong: 0, unlinked: 0 });
    bucket.sites++;
    let outcome: Outcome;
    if (site.definition === null) {
      outcome = target && target.kind !== 'ambiguous' ? 'wrongly-linked' : 'correctly-unlinked';
      if (outcome === 'wrongly-linked') linked++;
    } else {
      withDefinition++;
      if (!target) outcome = 'unlinked';
      else if (target.kind === 'ambiguous') outcome = 'ambiguous';
      else {
        linked++;
        const right = 'symbol' in site.definition ? target.kind === 'symbol' && target.id === site.definition.symbol : target.kind === 'local' && target.line === site.definition.line && target.column === site.definition.column;
        outcome = right ? 'correct' : 'wrong';
      }
    }
    if (outcome === 'correct') {
      correct++;
      bucket.correct++;
    } else if (outcome === 'wrong' || outcome === 'wrongly-linked') bucket.wrong++;
    else if (outcome !== 'correctly-unlinked') bucket.unlinked++;
    else bucket.correct++;
    if (outcome !== 'correct' && outcome !== 'correctly-unlinked') failures.push({ ...site, outcome, got: hit?.target ?? null });
  }
  return { sites: sites.length, linked, correct, precision: linked === 0 ? 1 : correct / linked, recall: withDefinition === 0 ? 1 : correct / withDefinition, byCategory, failures };
}
