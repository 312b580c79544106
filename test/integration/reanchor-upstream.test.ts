import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintOf, normalizeLine } from '../../lib/anchors/fingerprint';
import { headerLines, resolveAnchor } from '../../lib/anchors/resolve';
import { collectAnchors, type CorpusAnchor } from '../../lib/content/anchors';
import { loadCorpus } from '../../lib/content/load';
import type { SourceView } from '../../lib/content/source-view';
import { reanchor, type ReanchorEntry } from '../../lib/reanchor';
import { locateUpstream, type UpstreamSource } from '../../lib/upstream';
import { PROJECT_ROOT } from '../helpers/cli';
import { copyTree, ingestSource, readTreeTexts } from '../helpers/content-project';
import { makeTempDir, removeTempDirs, setEnv } from '../helpers/temp';

/*
 * The repository's real annotations, re-anchored from the pinned 5.3.3 to 5.3.2 and back, in a
 * temporary project. 5.3.2 comes from the submodule's history when upstream/ has it (linked into
 * the temporary project), otherwise from Maven's sources jars; the jars lack some modules, and
 * anchors in a module the target does not have are left out of the assertions (they are orphaned
 * by construction). With neither source reachable the test fails and says so.
 */
const TARGET = '5.3.2';

afterAll(() => removeTempDirs());

async function obtain(root: string, release: string | undefined, log: string[]): Promise<UpstreamSource> {
  const restore = setEnv({ ROCKETMQ_LEARNING_ROOT: root });
  try {
    return await locateUpstream({ release, log: (line) => log.push(line) });
  } catch (error) {
    throw new Error(
      `cannot obtain the RocketMQ source ${release ?? '(pinned)'} for this test: ${(error as Error).message}\n` +
        'It needs upstream/ checked out with the release tags in its history (git submodule update --init upstream, then git -C upstream fetch --tags), or Maven (mvn) with access to Maven Central.\n' +
        `upstream log:\n  ${log.join('\n  ')}`,
    );
  } finally {
    restore();
  }
}

function lines(view: SourceView, upstreamPath: string, range: readonly [number, number]): string[] {
  return view.file(upstreamPath)!.lines.slice(range[0] - 1, range[1]);
}

/** The lines an anchor names in a source: its lines, or its symbol's declaration header. */
function anchoredLines(anchor: CorpusAnchor, view: SourceView): [number, number] {
  if (anchor.anchor.lines) return [...anchor.anchor.lines];
  const symbol = view.file(anchor.upstreamPath)!.symbols.find((s) => s.id === anchor.anchor.symbol)!;
  return headerLines(symbol);
}

describe(`re-anchoring the real annotations to ${TARGET} and back`, () => {
  it(
    'moves anchors onto identical text, reports the rest, and comes back to the same files',
    async () => {
      const root = makeTempDir('reanchor-upstream');
      fs.copyFileSync(path.join(PROJECT_ROOT, 'upstream.json'), path.join(root, 'upstream.json'));
      copyTree(path.join(PROJECT_ROOT, 'annotations'), path.join(root, 'annotations'));
      const original = readTreeTexts(path.join(root, 'annotations'));
      // The git routes read upstream/ of the project: give the temporary project the real one.
      if (fs.existsSync(path.join(PROJECT_ROOT, 'upstream', '.git'))) fs.symlinkSync(path.join(PROJECT_ROOT, 'upstream'), path.join(root, 'upstream'), 'dir');

      const log: string[] = [];
      const pinnedSource = await obtain(root, undefined, log);
      const targetSource = await obtain(root, TARGET, log);
      expect(targetSource.tag).toBe(`rocketmq-all-${TARGET}`);
      const pinned = (await ingestSource(root, pinnedSource, { makeCurrent: true })).view;
      const target = (await ingestSource(root, targetSource, { makeCurrent: false })).view;
      expect(target.index.manifest.stamp).not.toBe(pinned.index.manifest.stamp);

      // The premise: at the pinned release every anchor is exact.
      const anchors = collectAnchors(loadCorpus(root).corpus, pinned).anchors;
      const notExact = anchors.filter((a) => resolveAnchor(a.anchor, pinned.file(a.upstreamPath)).state !== 'exact').map((a) => `${a.file}:${a.line}: ${a.label}`);
      expect(notExact, 'run npm run check').toEqual([]);
      const byLabel = new Map(anchors.map((a) => [a.label, a]));

      // Modules the target has (all of them from git; Maven's jars lack some).
      const targetModules = new Set([...target.paths()].map((p) => p.split('/')[0]));
      const covered = (entry: ReanchorEntry) => targetModules.has(entry.from.path.split('/')[0]);

      // 5.3.3 → 5.3.2
      const there = reanchor(root, pinned, target, { write: true });
      const { exact, moved, changed, orphaned } = there.counts;
      expect(there.entries).toHaveLength(anchors.length);
      expect(exact + moved + changed + orphaned).toBe(anchors.length);
      const skipped = there.entries.filter((e) => !covered(e));
      // eslint-disable-next-line no-console -- the report is meant to be read in the test output
      console.log(
        `reanchor ${pinnedSource.tag} → ${targetSource.tag} (${targetSource.route}): ${anchors.length} anchors: ${exact} exact, ${moved} moved, ${changed} changed, ${orphaned} orphaned; ` +
          `${there.filesWritten.length} files rewritten; ${skipped.length} anchors in modules ${targetSource.tag} does not provide left out\n` +
          there.entries
            .filter((e) => covered(e) && (e.state === 'changed' || e.state === 'orphaned'))
            .map((e) => `  ${e.state}: ${e.file}:${e.line}: ${e.label}: ${e.detail}`)
            .join('\n'),
      );
      expect(moved).toBeGreaterThan(0);

      for (const entry of there.entries.filter(covered)) {
        const anchor = byLabel.get(entry.label)!;
        expect(entry.detail.length, entry.label).toBeGreaterThan(0);
        if (entry.state === 'moved') {
          // Identical text, line for line, after whitespace normalization: the fingerprint holds there.
          const now = lines(target, entry.from.path, entry.to!.lines!);
          expect(now.map(normalizeLine), entry.label).toEqual(lines(pinned, entry.from.path, anchoredLines(anchor, pinned)).map(normalizeLine));
          expect(fingerprintOf(now), entry.label).toBe(anchor.anchor.fingerprint);
        } else if (entry.state === 'changed') {
          expect(entry.to?.lines, `${entry.label} has a candidate`).toBeDefined();
        } else if (entry.state === 'orphaned') {
          expect(entry.detail, entry.label).toMatch(/gone/);
        }
      }

      // 5.3.2 → 5.3.3: everything that was exact or moved is exact again.
      const back = reanchor(root, target, pinned, { write: true });
      // Read against 5.3.2 this time, so an excerpt by `symbol:` in a module the target lacks is not
      // among the anchors; nothing else is missing, and nothing is left changed or orphaned.
      expect(back.entries.length).toBeGreaterThanOrEqual(anchors.length - skipped.length);
      expect(back.entries.filter((e) => e.state === 'changed' || e.state === 'orphaned').map((e) => `${e.label}: ${e.detail}`)).toEqual([]);
      const returned = new Map(collectAnchors(loadCorpus(root).corpus, pinned).anchors.map((a) => [a.label, a]));
      for (const entry of there.entries.filter((e) => e.state === 'exact' || e.state === 'moved')) {
        const anchor = returned.get(entry.label);
        expect(anchor, `${entry.label} after the round trip`).toBeDefined();
        expect(resolveAnchor(anchor!.anchor, pinned.file(anchor!.upstreamPath)).state, entry.label).toBe('exact');
      }

      // Annotation files whose anchors were all exact or moved are byte for byte what they were.
      const roundTripped = readTreeTexts(path.join(root, 'annotations'));
      const filesWithOthers = new Set(there.entries.filter((e) => e.state === 'changed' || e.state === 'orphaned').map((e) => e.file));
      const annotationFiles = [...original.keys()].filter((file) => file.endsWith('.java.yaml'));
      const clean = annotationFiles.filter((file) => !filesWithOthers.has(`annotations/${file}`));
      expect(clean.length).toBeGreaterThan(0);
      for (const file of clean) expect(roundTripped.get(file), file).toBe(original.get(file));
      const identical = [...original.keys()].filter((file) => roundTripped.get(file) === original.get(file)).length;
      // eslint-disable-next-line no-console -- part of the report
      console.log(`back to ${pinnedSource.tag}: ${back.counts.exact} exact, ${back.counts.moved} moved back; ${identical} of ${original.size} content files byte-identical to the originals`);
    },
    30 * 60_000,
  );
});
