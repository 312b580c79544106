import { describe, expect, it } from 'vitest';
import { SymbolSearch, humpsOf, matchesHumps } from '../../../lib/search/symbol-search';

const entry = (id: string, name: string, kind: 'class' | 'method' | 'field', test = false) => ({ id, name, kind, path: 'x/X.java', line: 1, test });
const search = new SymbolSearch([
  entry('p.CommitLog#asyncPutMessage(MessageExtBrokerInner)', 'asyncPutMessage', 'method'),
  entry('p.CommitLog#asyncPutMessages(MessageExtBatch)', 'asyncPutMessages', 'method'),
  entry('p.AppendMessageResult', 'AppendMessageResult', 'class'),
  entry('p.ConsumeQueue', 'ConsumeQueue', 'class'),
  entry('p.ConsumeQueueTest', 'ConsumeQueueTest', 'class', true),
  entry('p.ConsumeQueue#CQ_STORE_UNIT_SIZE', 'CQ_STORE_UNIT_SIZE', 'field'),
]);

describe('symbol search', () => {
  it('reads camel humps: aPM finds asyncPutMessage and not AppendMessageResult', () => {
    const names = search.search('aPM').map((h) => h.name);
    expect(names[0]).toBe('asyncPutMessage');
    expect(names).not.toContain('AppendMessageResult');
  });

  it('ranks exact above prefix above substring, types above members, main sources above tests', () => {
    expect(search.search('ConsumeQueue').map((h) => h.name)).toEqual(['ConsumeQueue', 'ConsumeQueueTest']);
    expect(search.search('CQSUS').map((h) => h.name)).toEqual(['CQ_STORE_UNIT_SIZE']);
  });

  it('splits names into humps and matches them the way an IDE does', () => {
    expect(humpsOf('asyncPutMessage')).toEqual(['async', 'Put', 'Message']);
    expect(humpsOf('CQ_STORE_UNIT_SIZE')).toEqual(['CQ', 'STORE', 'UNIT', 'SIZE']);
    expect(humpsOf('HTTPServerConfig')).toEqual(['HTTP', 'Server', 'Config']);
    expect(matchesHumps(humpsOf('asyncPutMessage'), 'asyncPM')).toBe(true);
    expect(matchesHumps(humpsOf('asyncPutMessage'), 'aM')).toBe(true);
    expect(matchesHumps(humpsOf('AppendMessageResult'), 'aPM')).toBe(false);
    expect(matchesHumps(humpsOf('asyncPutMessage'), 'PM')).toBe(false);
  });

  it('returns nothing for an empty query', () => {
    expect(search.search('   ')).toEqual([]);
  });
});
