import { describe, expect, it } from 'vitest';
import { callableId, erasedTypeText, localTypeId, normalizeSymbolId, typeId, variableId } from '../../../lib/java/symbol-id';

describe('erasedTypeText', () => {
  it.each([
    ['Map<String, List<X>>', 'Map'],
    ['java.util.Map.Entry<K,V>', 'Map.Entry'],
    ['Map.Entry<K, V>', 'Map.Entry'],
    ['java.util.concurrent.ConcurrentMap<String, TopicConfig>', 'ConcurrentMap'],
    ['byte[]', 'byte[]'],
    ['List<String>[]', 'List[]'],
    ['java.lang.String[][]', 'String[][]'],
    ['T...', 'T...'],
    ['@Nullable String', 'String'],
    ['@org.example.NonNull("x") Object', 'Object'],
    ['int', 'int'],
    ['Outer . Inner', 'Outer.Inner'],
  ])('%s → %s', (written, erased) => {
    expect(erasedTypeText(written)).toBe(erased);
  });
});

describe('id builders', () => {
  it('joins the parts the way lib/java/symbol-id.ts documents', () => {
    expect(typeId(null, 'Top')).toBe('Top');
    expect(typeId('org.example.Top', 'Nested')).toBe('org.example.Top.Nested');
    expect(callableId('org.example.Top', 'run', ['int', 'String...'])).toBe('org.example.Top#run(int,String...)');
    expect(variableId('org.example.Top', 'COUNT')).toBe('org.example.Top#COUNT');
    expect(localTypeId('org.example.Top#run()', '1')).toBe('org.example.Top#run()$1');
  });

  it('lets a reader type spaces after commas', () => {
    expect(normalizeSymbolId('a.B#m(int, Map.Entry,  String...)')).toBe('a.B#m(int,Map.Entry,String...)');
  });
});
