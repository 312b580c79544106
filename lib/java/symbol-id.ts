/**
 * Symbol ids name every declaration of the Java source in a way that survives line changes.
 *
 *   package      org.apache.rocketmq.store
 *   type         org.apache.rocketmq.store.CommitLog
 *   nested type  org.apache.rocketmq.store.CommitLog.GroupCommitService
 *   method       org.apache.rocketmq.store.CommitLog#asyncPutMessage(MessageExtBrokerInner)
 *   overload     org.apache.rocketmq.store.CommitLog#getMessage(long,int)
 *   constructor  org.apache.rocketmq.store.CommitLog#CommitLog(DefaultMessageStore)
 *   field        org.apache.rocketmq.store.ConsumeQueue#CQ_STORE_UNIT_SIZE
 *   enum const   org.apache.rocketmq.store.config.FlushDiskType#SYNC_FLUSH
 *   local type   org.example.A#run()$Helper          (declared inside the member `run()`)
 *   anonymous    org.example.A#run()$1               (first anonymous class inside `run()`)
 *   initializer  org.example.A#<clinit>$1, org.example.A#<init>$1  (anonymous class in a static / instance initializer)
 *
 * Parameter types are written as in the source with generic arguments, annotations and package
 * qualifiers removed (`Map<String, List<X>>` → `Map`, `java.util.Map.Entry<K,V>` → `Map.Entry`),
 * arrays keep `[]`, varargs keep `...`, and parameters are separated by a comma without a space
 * (so an id fits in a markdown link; lookups ignore spaces a reader types). Anonymous classes are
 * numbered in the order their `new` appears. When a damaged file declares the same id twice, the
 * later ones get `~2`, `~3` so every id in a file stays unique.
 */

export function typeId(container: string | null, name: string): string {
  return container ? `${container}.${name}` : name;
}

export function localTypeId(member: string, name: string): string {
  return `${member}$${name}`;
}

export function callableId(owner: string, name: string, parameters: readonly string[]): string {
  return `${owner}#${name}(${parameters.join(',')})`;
}

export function variableId(owner: string, name: string): string {
  return `${owner}#${name}`;
}

const PLAIN_TYPE = /^[\w$]+$/;

/** Normalizes a type as written into its id form. */
export function erasedTypeText(text: string): string {
  // Most types are one plain word (`long`, `String`): nothing to remove.
  if (PLAIN_TYPE.test(text)) return text;
  let depth = 0;
  let out = '';
  for (const ch of text.replace(/@[\w.]+(\([^)]*\))?\s*/g, '')) {
    if (ch === '<') depth++;
    else if (ch === '>') depth--;
    else if (depth === 0 && !/\s/.test(ch)) out += ch;
  }
  return dropPackageQualifier(out);
}

function dropPackageQualifier(type: string): string {
  const suffix = type.match(/(\[\]|\.\.\.)*$/)?.[0] ?? '';
  const parts = type.slice(0, type.length - suffix.length).split('.');
  const firstType = parts.findIndex((part) => /^[A-Z_$]/.test(part));
  const kept = firstType <= 0 ? parts.slice(firstType < 0 ? parts.length - 1 : 0) : parts.slice(firstType);
  return kept.join('.') + suffix;
}

/** The form lookups compare: ids as readers type them may carry spaces after commas. */
export function normalizeSymbolId(id: string): string {
  return id.replace(/\s+/g, '');
}
