import type { IndexedFile, JavaFacts } from '../index/format';
import { buildXrefs, type XrefStats } from '../xref/build';
import type { XrefIndex } from '../xref/format';
import type { FileXrefIr } from '../xref/ir';

/**
 * Resolves what every Java file uses against the symbols of the whole source. It depends on all
 * files at once, so it is redone whenever any Java file changed; the per-file intermediate form
 * (`irJson`, from the parsing threads or the previous index) is what makes that cheap.
 */
export function crossReference(files: readonly IndexedFile[], facts: JavaFacts, irJson: ReadonlyMap<string, string>): { xrefs: XrefIndex; stats: XrefStats & { seconds: number } } {
  const started = performance.now();
  const irs = new Map<string, FileXrefIr>();
  for (const [sha, json] of irJson) irs.set(sha, JSON.parse(json) as FileXrefIr);
  const { xrefs, stats } = buildXrefs(files, facts, irs);
  return { xrefs, stats: { ...stats, seconds: (performance.now() - started) / 1000 } };
}
