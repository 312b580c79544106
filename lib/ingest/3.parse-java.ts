import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseJava, type ParsedJava, type ParseJob } from './parse-one';
import { parseWorkerBundle } from './worker-bundle';

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES_FOR_THREADS = 64;
/** Texts are sent in batches of about this many characters, to keep messages few. */
const BATCH_CHARS = 200_000;
/** Batches kept queued at each thread, so a thread never waits for the main thread. */
const IN_FLIGHT = 2;

/**
 * Parses Java texts on worker threads, one per core. The threads start as soon as the pool is
 * created, so they load the parser while the main thread is still reading files.
 */
export class ParsePool {
  private constructor(private readonly workers: Worker[]) {}

  static async create(threads = Math.min(os.availableParallelism(), 8)): Promise<ParsePool> {
    if (threads <= 1) return new ParsePool([]);
    const file = await parseWorkerBundle();
    return new ParsePool(Array.from({ length: threads }, () => new Worker(file)));
  }

  async run(jobs: ParseJob[], onProgress: (done: number) => void): Promise<Map<string, ParsedJava>> {
    const results = new Map<string, ParsedJava>();
    if (jobs.length < MIN_FILES_FOR_THREADS || this.workers.length === 0) {
      for (const job of jobs) {
        results.set(job.key, await parseJava(job));
        onProgress(results.size);
      }
      return results;
    }
    const batches = makeBatches(jobs);
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let pending = 0;
            const send = () => {
              const batch = batches.shift();
              if (!batch) return;
              pending++;
              worker.postMessage(batch);
            };
            worker.on('message', (parsed: ParsedJava[]) => {
              pending--;
              for (const file of parsed) results.set(file.key, file);
              onProgress(results.size);
              send();
              if (pending === 0) resolve();
            });
            worker.once('error', reject);
            for (let i = 0; i < IN_FLIGHT; i++) send();
            if (pending === 0) resolve();
          }),
      ),
    );
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Largest files first, so the threads finish together; grouped into batches of similar weight. */
function makeBatches(jobs: ParseJob[]): ParseJob[][] {
  const batches: ParseJob[][] = [];
  let current: ParseJob[] = [];
  let chars = 0;
  for (const job of [...jobs].sort((a, b) => b.text.length - a.text.length)) {
    current.push(job);
    chars += job.text.length;
    if (chars >= BATCH_CHARS) {
      batches.push(current);
      current = [];
      chars = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
