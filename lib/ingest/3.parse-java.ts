import os from 'node:os';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { compileRuntime } from '../java/parser';
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
    /*
     * Each thread warms up its own optimizing compiler, on the same two cores the parsing needs.
     * Without inlining its compiles take less than half the time, which measured on the whole
     * source (2 cores) cuts a cold ingest by about a tenth; the code it makes is barely slower.
     * The flag is process-wide and only changes how later code is optimized, never what it does.
     */
    v8.setFlagsFromString('--no-turbo-inlining');
    const [file, runtime] = await Promise.all([parseWorkerBundle(), compileRuntime()]);
    return new ParsePool(Array.from({ length: threads }, () => new Worker(file, { workerData: { runtime } })));
  }

  /** Parses a known list of texts, largest first so that the threads finish together. */
  async run(jobs: ParseJob[], onProgress: (done: number) => void): Promise<Map<string, ParsedJava>> {
    if (jobs.length < MIN_FILES_FOR_THREADS || this.workers.length === 0) {
      const results = new Map<string, ParsedJava>();
      for (const job of jobs) {
        results.set(job.key, await parseJava(job));
        onProgress(results.size);
      }
      return results;
    }
    const session = this.begin(onProgress);
    for (const job of [...jobs].sort((a, b) => b.text.length - a.text.length)) session.add(job);
    return session.finish();
  }

  /**
   * Parses texts as they are read: `add` hands each one over at once (the threads start on the
   * first batches while the main thread is still reading, which is when they warm up), and
   * `finish` resolves with every result once all are back.
   */
  begin(onProgress: (done: number) => void): ParseSession {
    if (this.workers.length === 0) return inThreadSession(onProgress);
    return new ThreadedSession(this.workers, onProgress);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

export interface ParseSession {
  add(job: ParseJob): void;
  finish(): Promise<Map<string, ParsedJava>>;
}

function inThreadSession(onProgress: (done: number) => void): ParseSession {
  const jobs: ParseJob[] = [];
  return {
    add: (job) => jobs.push(job),
    async finish() {
      const results = new Map<string, ParsedJava>();
      for (const job of jobs) {
        results.set(job.key, await parseJava(job));
        onProgress(results.size);
      }
      return results;
    },
  };
}

class ThreadedSession implements ParseSession {
  private readonly results = new Map<string, ParsedJava>();
  private readonly queued: ParseJob[][] = [];
  private readonly pending: number[];
  private batch: ParseJob[] = [];
  private batchChars = 0;
  private finished = false;
  private settle: { resolve: (results: Map<string, ParsedJava>) => void; reject: (error: unknown) => void } | undefined;
  private failure: unknown;

  constructor(
    private readonly workers: Worker[],
    private readonly onProgress: (done: number) => void,
  ) {
    this.pending = workers.map(() => 0);
    workers.forEach((worker, index) => {
      worker.on('message', (parsed: ParsedJava[]) => {
        this.pending[index]!--;
        for (const file of parsed) this.results.set(file.key, file);
        this.onProgress(this.results.size);
        this.dispatch();
        this.settleIfDone();
      });
      worker.once('error', (error) => {
        this.failure ??= error;
        this.settleIfDone();
      });
    });
  }

  add(job: ParseJob): void {
    this.batch.push(job);
    this.batchChars += job.text.length;
    if (this.batchChars >= BATCH_CHARS) this.closeBatch();
  }

  finish(): Promise<Map<string, ParsedJava>> {
    this.closeBatch();
    this.finished = true;
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.settleIfDone();
    });
  }

  private closeBatch(): void {
    if (this.batch.length === 0) return;
    this.queued.push(this.batch);
    this.batch = [];
    this.batchChars = 0;
    this.dispatch();
  }

  /** Sends queued batches to the threads with room for them. */
  private dispatch(): void {
    for (let index = 0; index < this.workers.length && this.queued.length > 0; index++) {
      while (this.pending[index]! < IN_FLIGHT && this.queued.length > 0) {
        this.pending[index]!++;
        this.workers[index]!.postMessage(this.queued.shift());
      }
    }
  }

  private settleIfDone(): void {
    if (!this.settle) return;
    const done = this.finished && this.queued.length === 0 && this.pending.every((count) => count === 0);
    if (this.failure === undefined && !done) return;
    for (const worker of this.workers) worker.removeAllListeners('message').removeAllListeners('error');
    if (this.failure !== undefined) this.settle.reject(this.failure);
    else this.settle.resolve(this.results);
  }
}
