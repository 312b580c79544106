import { fingerprintOf } from '../lib/anchors/fingerprint';
import { fixCorpus } from '../lib/annotate/fix';
import { UserError } from '../lib/cli/errors';
import { runMain } from '../lib/cli/run';
import { loadCorpus } from '../lib/content/load';
import { formatProblem } from '../lib/content/problems';
import { SourceView } from '../lib/content/source-view';
import { requireCurrentIndex } from '../lib/index/read';
import { projectRoot } from '../lib/paths';

const USAGE = `usage: npm run annotate -- <command>

  fix          write the schema comment of every annotation file and the fingerprint of every
               anchor (annotations, tour steps, layout evidence, line ranges in notes), computed
               from the pinned source; nothing else in the files changes
  show <id>    print the upstream lines an annotation is anchored to, to review it`;

runMain(async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const source = new SourceView(requireCurrentIndex());
  if (command === 'fix') {
    if (rest.length > 0) throw new UserError(`fix takes no arguments`, { hint: USAGE, exitCode: 2 });
    const result = fixCorpus(projectRoot(), source);
    for (const problem of result.skipped) process.stderr.write(`skipped ${problem.file}: it does not parse yet\n  ${formatProblem(problem)}\n`);
    process.stdout.write(
      `annotate fix: ${result.fingerprintsWritten} fingerprint${result.fingerprintsWritten === 1 ? '' : 's'} written, ${result.schemaComments} schema comment${result.schemaComments === 1 ? '' : 's'} added, ${result.filesWritten.length} file${result.filesWritten.length === 1 ? '' : 's'} changed\n`,
    );
    for (const file of result.filesWritten) process.stdout.write(`  ${file}\n`);
    return 0;
  }
  if (command === 'show') {
    const id = rest[0];
    if (!id || rest.length > 1) throw new UserError('name one annotation id', { hint: USAGE, exitCode: 2 });
    const { corpus } = loadCorpus(projectRoot());
    for (const file of corpus.annotationFiles) {
      const annotation = file.data.annotations.find((a) => a.id === id);
      if (!annotation) continue;
      const version = source.file(file.upstreamPath);
      if (!version) throw new UserError(`${file.upstreamPath} is not in the source index`);
      const symbol = annotation.symbol ? version.symbols.find((s) => s.id === annotation.symbol) : undefined;
      const lines = typeof annotation.lines === 'number' ? [annotation.lines, annotation.lines] : (annotation.lines ?? (symbol ? [symbol.range[0], symbol.headerEndLine] : undefined));
      if (!lines) throw new UserError(`annotation ${id} has no lines and its symbol is not found`);
      process.stdout.write(`${file.upstreamPath}:${lines[0]}-${lines[1]}  ${annotation.title}\n`);
      for (let line = lines[0]!; line <= lines[1]!; line++) process.stdout.write(`${String(line).padStart(6)}  ${version.lines[line - 1] ?? ''}\n`);
      const fingerprint = fingerprintOf(version.lines.slice(lines[0]! - 1, lines[1]));
      process.stdout.write(annotation.fingerprint === fingerprint ? 'fingerprint: current\n' : `fingerprint: ${annotation.fingerprint ? 'stale' : 'missing'} (run npm run annotate -- fix)\n`);
      return 0;
    }
    throw new UserError(`no annotation with id '${id}'`);
  }
  throw new UserError(`unknown command '${command}'`, { hint: USAGE, exitCode: 2 });
});
