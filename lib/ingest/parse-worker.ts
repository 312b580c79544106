import { parentPort, workerData } from 'node:worker_threads';
import { javaParser } from '../java/parser';
import { parseJava } from './parse-one';
import type { ParsedJava, ParseJob } from './parse-one';

/**
 * A thread of the parsing pool. It loads the parser at once, from the runtime module the pool
 * compiled for all its threads, then receives batches of texts and answers with each file's
 * facts already serialized, so the main thread only concatenates them into the index.
 */
const { runtime } = workerData as { runtime: WebAssembly.Module };
void javaParser(runtime);

parentPort?.on('message', (batch: ParseJob[]) => {
  void (async () => {
    const results: ParsedJava[] = [];
    for (const job of batch) results.push(await parseJava(job));
    parentPort?.postMessage(results);
  })();
});
