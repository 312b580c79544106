import { parentPort } from 'node:worker_threads';
import { parseJava } from './parse-one';
import type { ParsedJava, ParseJob } from './parse-one';

/**
 * A thread of the parsing pool. It receives batches of texts and answers with each file's facts
 * already serialized, so the main thread only concatenates them into the index.
 */
parentPort?.on('message', (batch: ParseJob[]) => {
  void (async () => {
    const results: ParsedJava[] = [];
    for (const job of batch) results.push(await parseJava(job));
    parentPort?.postMessage(results);
  })();
});
