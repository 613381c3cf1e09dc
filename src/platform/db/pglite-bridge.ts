import { Worker } from 'node:worker_threads';

export interface WorkerOptions {
  dataDir?: string;
  loadDataDir?: ArrayBuffer;
}

export type BridgeRequest =
  | { id: number; op: 'query'; sql: string; params?: unknown[]; rowMode?: 'object' | 'array'; txId?: number }
  | { id: number; op: 'begin'; txId: number }
  | { id: number; op: 'end'; txId: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export type BridgeResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: Record<string, unknown> & { message: string; name: string } };

/**
 * The compiled worker, or when running from source (tests, tsx) a small module that registers
 * the TypeScript loader in the worker thread first, which `--import tsx` does not reach.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./pglite-worker.js', import.meta.url);
  const code = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
register();
await import(${JSON.stringify(new URL('./pglite-worker.ts', import.meta.url).href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The query interface drizzle's PGlite driver calls, answered by the worker thread. */
export interface BridgeClient {
  query(sql: string, params?: unknown[], options?: { rowMode?: 'object' | 'array' }): Promise<unknown>;
  transaction<T>(fn: (tx: BridgeClient) => Promise<T>): Promise<T>;
}

/**
 * The embedded database in a worker thread (see pglite-worker.ts), seen from the main thread.
 * Transactions keep PGlite's semantics: while one is open, other queries wait for it.
 */
export class PgliteBridge implements BridgeClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextTx = 1;

  private constructor(options: WorkerOptions) {
    this.worker = new Worker(workerEntry(), {
      workerData: options,
      transferList: options.loadDataDir ? [options.loadDataDir] : [],
    });
    this.worker.on('message', (message: BridgeResponse) => this.settle(message));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`embedded database worker exited (${code})`)));
  }

  static async start(options: WorkerOptions): Promise<PgliteBridge> {
    const bridge = new PgliteBridge(options);
    await new Promise((resolve, reject) => bridge.pending.set(0, { resolve, reject }));
    return bridge;
  }

  private settle(message: BridgeResponse) {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(Object.assign(new Error(message.error.message), message.error));
  }

  private failAll(error: Error) {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private call<T>(request: Distribute<BridgeRequest>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  query(sql: string, params?: unknown[], options?: { rowMode?: 'object' | 'array' }, txId?: number): Promise<unknown> {
    return this.call({ op: 'query', sql, params, rowMode: options?.rowMode, txId });
  }

  async transaction<T>(fn: (tx: BridgeClient) => Promise<T>): Promise<T> {
    const txId = this.nextTx++;
    await this.call({ op: 'begin', txId });
    const tx: BridgeClient = {
      query: (sql, params, options) => this.query(sql, params, options, txId),
      transaction: () => Promise.reject(new Error('nested transactions use savepoints')),
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      await this.call({ op: 'end', txId, commit: false });
      throw error;
    }
    await this.call({ op: 'end', txId, commit: true });
    return result;
  }

  async dumpDataDir(): Promise<Blob> {
    return new Blob([await this.call<ArrayBuffer>({ op: 'dump' })]);
  }

  async close(): Promise<void> {
    await this.call({ op: 'close' });
    await this.worker.terminate();
  }
}
