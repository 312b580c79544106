import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentStamp, readIndex, requireCurrentIndex, type LoadedIndex } from '../../lib/index/read';
import type { JavaFileFacts, JavaSymbol } from '../../lib/java/types';
import { checkoutAtPin, isPublishedMainSource, pinnedRelease } from '../helpers/upstream';

/*
 * Facts of RocketMQ 5.3.3 checked by hand in the source (line numbers, counts, ids), asserted on
 * the index `npm test` builds first. Only main sources of modules that publish a sources jar are
 * used, so the facts hold on both routes: the submodule checkout and the Maven sources jars.
 */
const stamp = currentStamp();
const haveIndex = stamp !== null && readIndex(stamp) !== null;
if (!haveIndex) process.stderr.write('upstream-source: skipped, there is no source index yet (run `npm run ingest`, or `npm test`, which runs it first)\n');

const STORE = 'store/src/main/java/org/apache/rocketmq/store';
const P = 'org.apache.rocketmq.store';

describe.skipIf(!haveIndex)('the index of the pinned RocketMQ source', () => {
  const index: LoadedIndex = haveIndex ? requireCurrentIndex() : (null as unknown as LoadedIndex);

  function factsOf(file: string): JavaFileFacts {
    const entry = index.files.find((f) => f.path === file);
    if (!entry) throw new Error(`${file} is not in the index`);
    const facts = index.java[entry.sha1];
    if (!facts) throw new Error(`${file} has no facts`);
    return facts;
  }

  function symbol(file: string, id: string): JavaSymbol {
    const found = factsOf(file).symbols.find((s) => s.id === id);
    if (!found) throw new Error(`${id} is not declared in ${file}`);
    return found;
  }

  it('is the index of the pinned release', () => {
    const pin = pinnedRelease();
    expect(index.manifest.tag).toBe(pin.tag);
    if (index.manifest.commit !== null) expect(index.manifest.commit).toBe(pin.commit);
  });

  it('has every Java file of store/src/main/java: 138, as many as the tree holds', () => {
    const indexed = index.files.filter((f) => f.kind === 'java' && f.path.startsWith('store/src/main/java/'));
    expect(indexed).toHaveLength(138);
    const walk = (dir: string): number =>
      fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.java') ? 1 : 0), 0);
    expect(walk(path.join(index.manifest.root, 'store/src/main/java'))).toBe(indexed.length);
    const checkout = checkoutAtPin();
    if (checkout) {
      const listed = spawnSync('git', ['-C', checkout, 'ls-files', 'store/src/main/java'], { encoding: 'utf8' });
      expect(listed.stdout.split('\n').filter((f) => f.endsWith('.java'))).toHaveLength(indexed.length);
    }
  });

  it('declares ConsumeQueue#CQ_STORE_UNIT_SIZE at line 59', () => {
    const unit = symbol(`${STORE}/ConsumeQueue.java`, `${P}.ConsumeQueue#CQ_STORE_UNIT_SIZE`);
    expect(unit.kind).toBe('field');
    expect(unit.type).toBe('int');
    expect(unit.modifiers).toEqual(['public', 'static', 'final']);
    expect(unit.range).toEqual([59, 5, 59, 53]); // the line is 52 characters long; the end is just after
    expect(unit.nameRange).toEqual([59, 29, 59, 47]);
    expect(unit.parent).toBe(`${P}.ConsumeQueue`);
  });

  it('counts the put methods of CommitLog, DefaultMessageStore and MessageStore', () => {
    const names = ['putMessage', 'asyncPutMessage', 'putMessages', 'asyncPutMessages'];
    const count = (file: string) =>
      Object.fromEntries(names.map((name) => [name, factsOf(file).symbols.filter((s) => s.kind === 'method' && s.name === name).length]));
    // CommitLog only has the asynchronous ones; the store and its interface have all four.
    expect(count(`${STORE}/CommitLog.java`)).toEqual({ putMessage: 0, asyncPutMessage: 1, putMessages: 0, asyncPutMessages: 1 });
    expect(count(`${STORE}/DefaultMessageStore.java`)).toEqual({ putMessage: 1, asyncPutMessage: 1, putMessages: 1, asyncPutMessages: 1 });
    expect(count(`${STORE}/MessageStore.java`)).toEqual({ putMessage: 1, asyncPutMessage: 1, putMessages: 1, asyncPutMessages: 1 });
    expect(symbol(`${STORE}/CommitLog.java`, `${P}.CommitLog#asyncPutMessage(MessageExtBrokerInner)`).range[0]).toBe(923);
    expect(symbol(`${STORE}/CommitLog.java`, `${P}.CommitLog#asyncPutMessages(MessageExtBatch)`).range[0]).toBe(1100);
    // Its range starts at @Override on line 652; the name is on 653.
    const putMessages = symbol(`${STORE}/DefaultMessageStore.java`, `${P}.DefaultMessageStore#putMessages(MessageExtBatch)`);
    expect([putMessages.range[0], putMessages.nameRange[0]]).toEqual([652, 653]);
  });

  it('nests the flush services in CommitLog, all extending FlushCommitLogService', () => {
    const file = `${STORE}/CommitLog.java`;
    const base = symbol(file, `${P}.CommitLog.FlushCommitLogService`);
    expect(base).toMatchObject({ kind: 'class', parent: `${P}.CommitLog`, modifiers: ['abstract'], supertypes: ['ServiceThread'] });
    expect(base.range[0]).toBe(1448);
    const services = { CommitRealTimeService: 1452, FlushRealTimeService: 1507, GroupCommitService: 1634, GroupCheckService: 1742 };
    for (const [name, line] of Object.entries(services)) {
      const service = symbol(file, `${P}.CommitLog.${name}`);
      expect(service).toMatchObject({ kind: 'class', parent: `${P}.CommitLog`, supertypes: ['FlushCommitLogService'] });
      expect(service.range[0]).toBe(line);
      expect(service.local).toBeUndefined();
    }
    const doCommit = symbol(file, `${P}.CommitLog.GroupCommitService#doCommit()`);
    expect(doCommit.parent).toBe(`${P}.CommitLog.GroupCommitService`);
    expect([doCommit.range[0], doCommit.range[2]]).toEqual([1660, 1694]);
    expect(symbol(file, `${P}.CommitLog.DefaultFlushManager`).supertypes).toEqual(['FlushManager']);
    expect(symbol(`${STORE}/FlushManager.java`, `${P}.FlushManager`).kind).toBe('interface');
  });

  it('names the anonymous ThreadLocal of the CommitLog constructor after that constructor', () => {
    const file = `${STORE}/CommitLog.java`;
    const anonymous = symbol(file, `${P}.CommitLog#CommitLog(DefaultMessageStore)$1`);
    expect(anonymous).toMatchObject({ kind: 'class', local: true, parent: `${P}.CommitLog#CommitLog(DefaultMessageStore)`, supertypes: ['ThreadLocal'] });
    expect([anonymous.range[0], anonymous.range[2]]).toEqual([131, 136]);
    const initialValue = symbol(file, `${P}.CommitLog#CommitLog(DefaultMessageStore)$1#initialValue()`);
    expect(initialValue).toMatchObject({ annotations: ['Override'], modifiers: ['protected'], type: 'PutMessageThreadLocal' });
    expect(initialValue.nameRange[0]).toBe(133);
  });

  it('gives the DefaultMessageStore constructor its five parameter types', () => {
    const file = `${STORE}/DefaultMessageStore.java`;
    const constructors = factsOf(file).symbols.filter((s) => s.kind === 'constructor' && s.parent === `${P}.DefaultMessageStore`);
    expect(constructors.map((c) => c.id)).toEqual([
      `${P}.DefaultMessageStore#DefaultMessageStore(MessageStoreConfig,BrokerStatsManager,MessageArrivingListener,BrokerConfig,ConcurrentMap)`,
    ]);
    expect(constructors[0]!.range[0]).toBe(219);
    expect(constructors[0]!.headerEndLine).toBe(221);
  });

  it('has the two constants of FlushDiskType', () => {
    const facts = factsOf(`${STORE}/config/FlushDiskType.java`);
    const constants = facts.symbols.filter((s) => s.kind === 'enumConstant');
    expect(constants.map((s) => [s.id, s.range[0]])).toEqual([
      [`${P}.config.FlushDiskType#SYNC_FLUSH`, 20],
      [`${P}.config.FlushDiskType#ASYNC_FLUSH`, 21],
    ]);
    expect(symbol(`${STORE}/config/FlushDiskType.java`, `${P}.config.FlushDiskType`).kind).toBe('enum');
  });

  it('knows the javadoc of MessageStore#asyncPutMessage spans lines 80 to 86', () => {
    const method = symbol(`${STORE}/MessageStore.java`, `${P}.MessageStore#asyncPutMessage(MessageExtBrokerInner)`);
    expect(method.javadoc).toEqual([80, 5, 86, 8]);
    expect(method.range[0]).toBe(87);
    expect(method.modifiers).toEqual(['default']);
  });

  it('parses every published main source except SelectorParser.java, whose error was checked by hand', () => {
    // filter/.../SelectorParser.java line 476 holds `'\u005c''`: valid Java (the escape is a
    // backslash, so the literal is a quote), which tree-sitter reads without translating escapes.
    const broken = index.files.filter((f) => isPublishedMainSource(f.path) && f.syntaxProblems !== undefined);
    expect(broken.map((f) => f.path)).toEqual(['filter/src/main/java/org/apache/rocketmq/filter/parser/SelectorParser.java']);
    expect(broken[0]!.syntaxProblems![0]!.line).toBe(476);
    expect(index.files.filter((f) => isPublishedMainSource(f.path) && f.kind === 'java').length).toBeGreaterThan(1300);
  });

  it('keeps ids unique within each file and every parent declared in the same file', () => {
    const problems: string[] = [];
    for (const file of index.files) {
      if (file.kind !== 'java' || !isPublishedMainSource(file.path)) continue;
      const facts = index.java[file.sha1];
      if (!facts) {
        problems.push(`${file.path}: no facts`);
        continue;
      }
      const ids = new Set<string>();
      for (const s of facts.symbols) {
        if (s.kind !== 'package' && ids.has(s.id)) problems.push(`${file.path}: ${s.id} twice`);
        if (s.parent !== null && !ids.has(s.parent)) problems.push(`${file.path}: parent ${s.parent} of ${s.id} not declared before it`);
        ids.add(s.id);
      }
      if (facts.symbols.length !== file.symbols) problems.push(`${file.path}: ${facts.symbols.length} symbols, files.json says ${file.symbols}`);
    }
    expect(problems).toEqual([]);
  });
});
