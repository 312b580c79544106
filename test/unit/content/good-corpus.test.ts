import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../lib/anchors/fingerprint';
import { fixCorpus } from '../../../lib/annotate/fix';
import { runCheck } from '../../../lib/check';
import { formatProblem } from '../../../lib/content/problems';
import { CONTENT_FIXTURES, createContentProject, readTreeTexts, type ContentProject } from '../../helpers/content-project';
import { removeTempDirs, writeTree } from '../../helpers/temp';

/*
 * test/fixtures/content/good is a small but complete corpus written by hand, without what the
 * tooling owns (schema comments and fingerprints). `annotate fix` must add exactly those and
 * nothing else, after which the checker finds nothing; a second run changes nothing.
 */
const GOOD = path.join(CONTENT_FIXTURES, 'good', 'annotations');
const LEDGER_YAML = 'store/src/main/java/org/example/store/Ledger.java.yaml';
const SCHEMA_COMMENT = /^# yaml-language-server: \$schema=\S+$/;

/** A text without the lines the tooling owns: the schema comment, fingerprint keys and note fingerprint blocks. */
function withoutToolingLines(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let inFingerprints = false;
  lines.forEach((line, i) => {
    if (i === 0 && SCHEMA_COMMENT.test(line)) return;
    if (/^fingerprints:$/.test(line)) {
      inFingerprints = true;
      return;
    }
    if (inFingerprints && /^ {2}"[^"]+": "[A-Za-z0-9_ -]+"$/.test(line)) return;
    inFingerprints = false;
    if (/^\s*fingerprint: "[A-Za-z0-9_ -]+"$/.test(line)) return;
    kept.push(line);
  });
  return kept.join('\n');
}

let project: ContentProject;
let original: Map<string, string>;
let afterFix: Map<string, string>;
let contentDir: string;

beforeAll(async () => {
  project = await createContentProject({ content: GOOD });
  contentDir = path.join(project.root, project.contentRoot);
  original = readTreeTexts(contentDir);
});

afterAll(() => removeTempDirs());

describe('the good corpus', () => {
  it('has only tooling-owned problems before the fixer runs', () => {
    const { problems } = runCheck(project.root, project.index, project.contentRoot);
    const messages = problems.map((p) => p.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/has no fingerprint yet$|^the first line should be the yaml-language-server schema comment$/);
  });

  it('gets schema comments and fingerprints from `annotate fix`, and nothing else changes', () => {
    const result = fixCorpus(project.root, project.view, project.contentRoot);
    expect(result.skipped).toEqual([]);
    expect(result.schemaComments).toBe(1);
    // 3 annotations, 1 tour step, 2 layout evidences, 2 note ranges (a link and an excerpt).
    expect(result.fingerprintsWritten).toBe(8);
    expect(result.filesWritten).toEqual([
      'annotations/layouts/ledger-entry.yaml',
      'annotations/notes/ledger.md',
      `annotations/${LEDGER_YAML}`,
      'annotations/tours/ledger-walk.yaml',
    ]);

    afterFix = readTreeTexts(contentDir);
    expect([...afterFix.keys()]).toEqual([...original.keys()]);
    for (const [file, before] of original) expect(withoutToolingLines(afterFix.get(file)!), file).toBe(before);

    const yaml = afterFix.get(LEDGER_YAML)!.split('\n');
    expect(yaml[0]).toBe('# yaml-language-server: $schema=../../../../../../../../schema/annotation-file.schema.json');
    // Each fingerprint goes right after the anchor it belongs to.
    yaml.forEach((line, i) => {
      if (/^\s*fingerprint:/.test(line)) expect(yaml[i - 1], `line ${i + 1}`).toMatch(/^\s*(lines|symbol): /);
    });
    // The value is the fingerprint of the anchored lines.
    const source = project.view.file('store/src/main/java/org/example/store/Ledger.java')!;
    expect(afterFix.get(LEDGER_YAML)).toContain(`    lines: [22, 24]\n    fingerprint: "${fingerprintOf(source.lines.slice(21, 24))}"\n`);
    expect(afterFix.get('notes/ledger.md')).toContain(`  "store/src/main/java/org/example/store/Ledger.java#L25-L27": "${fingerprintOf(source.lines.slice(24, 27))}"\n`);
  });

  it('then passes the checker', () => {
    const { problems, counts } = runCheck(project.root, project.index, project.contentRoot);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(counts).toEqual({ annotationFiles: 1, annotations: 3, notes: 1, concepts: 1, tours: 1, layouts: 1, diagrams: 1, anchors: 8 });
  });

  it('is left alone by a second run', () => {
    const again = fixCorpus(project.root, project.view, project.contentRoot);
    expect(again).toMatchObject({ filesWritten: [], fingerprintsWritten: 0, schemaComments: 0, skipped: [] });
    expect(readTreeTexts(contentDir)).toEqual(afterFix);
  });

  it('gets a fingerprint edited by hand refreshed, that line only', () => {
    const file = path.join(contentDir, LEDGER_YAML);
    const good = fs.readFileSync(file, 'utf8');
    const fingerprint = /lines: \[22, 24\]\n {4}fingerprint: "([^"]+)"/.exec(good)![1]!;
    fs.writeFileSync(file, good.replace(fingerprint, 'AAAA BBBB CCCC'));
    expect(runCheck(project.root, project.index, project.contentRoot).problems.map((p) => p.message)).toEqual([expect.stringContaining('annotation ledger-append-rejects-negative is changed')]);
    const result = fixCorpus(project.root, project.view, project.contentRoot);
    expect(result).toMatchObject({ fingerprintsWritten: 1, filesWritten: [`annotations/${LEDGER_YAML}`] });
    expect(fs.readFileSync(file, 'utf8')).toBe(good);
  });

  it('leaves a file that does not parse untouched and says so', () => {
    const broken = `annotations/store/src/main/java/org/example/store/Journal.java.yaml`;
    const text = 'annotations:\n  - id: journal-write\n    title: a: b\n';
    writeTree(project.root, { [broken]: text });
    const result = fixCorpus(project.root, project.view, project.contentRoot);
    expect(result.skipped.map((p) => `${p.file}:${p.line}`)).toEqual([`${broken}:3`]);
    expect(result.filesWritten).toEqual([]);
    expect(fs.readFileSync(path.join(project.root, broken), 'utf8')).toBe(text);
  });
});
