/**
 * Runs the embedded PostgreSQL (PGlite, compiled to wasm) in a worker thread. PGlite computes on the
 * thread that calls it, so on the main thread every query stalls the HTTP server; here the main
 * thread only passes messages (see pglite-bridge.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { BridgeRequest, BridgeResponse, WorkerOptions } from './pglite-bridge.js';

// What drizzle asks of PGlite: dates, times and intervals as PostgreSQL writes them.
const identity = (value: string) => value;
const parsers = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((t) => [t, identity]),
);

const options = workerData as WorkerOptions;
const port = parentPort!;
interface OpenTransaction {
  tx: Transaction;
  ended: Promise<boolean>;
  finish(commit: boolean): void;
  done: Promise<void>;
}
const transactions = new Map<number, OpenTransaction>();

function reply(message: BridgeResponse, transfer: ArrayBuffer[] = []) {
  port.postMessage(message, transfer);
}

function failure(id: number, error: unknown): BridgeResponse {
  const e = error as Record<string, unknown> & Error;
  const fields = Object.fromEntries(Object.entries(e).filter(([, v]) => ['string', 'number'].includes(typeof v)));
  return { id, ok: false, error: { ...fields, name: e.name, message: e.message } };
}

const pglite = await PGlite.create({
  dataDir: options.dataDir,
  loadDataDir: options.loadDataDir ? new Blob([options.loadDataDir]) : undefined,
  // Keep the write-ahead log small: PostgreSQL's defaults grow it to hundreds of MB.
  postgresqlconf: ['max_wal_size = 64MB', 'min_wal_size = 32MB'],
}).catch((error: unknown) => {
  reply(failure(0, error));
  throw error;
});
reply({ id: 0, ok: true, result: null });

port.on('message', (request: BridgeRequest) => {
  handle(request).then(
    ([result, transfer]) => reply({ id: request.id, ok: true, result }, transfer),
    (error: unknown) => reply(failure(request.id, error)),
  );
});

async function handle(request: BridgeRequest): Promise<[unknown, ArrayBuffer[]]> {
  switch (request.op) {
    case 'query': {
      const target = request.txId === undefined ? pglite : transactions.get(request.txId)!.tx;
      const result = await target.query(request.sql, request.params, { rowMode: request.rowMode, parsers });
      return [{ rows: result.rows, fields: result.fields, affectedRows: result.affectedRows }, []];
    }
    case 'begin': {
      // PGlite's transaction holds its exclusive lock until the main thread says how it ends.
      const open = {} as OpenTransaction;
      open.ended = new Promise<boolean>((resolve) => (open.finish = resolve));
      await new Promise<void>((resolve, reject) => {
        open.done = pglite.transaction(async (tx) => {
          open.tx = tx;
          resolve();
          if (!(await open.ended)) await tx.rollback();
        });
        open.done.catch(reject);
      });
      transactions.set(request.txId, open);
      return [null, []];
    }
    case 'end': {
      const open = transactions.get(request.txId)!;
      transactions.delete(request.txId);
      open.finish(request.commit);
      // A failing COMMIT reaches the caller.
      await open.done;
      return [null, []];
    }
    case 'dump': {
      const blob = await pglite.dumpDataDir('gzip');
      const buffer = await blob.arrayBuffer();
      return [buffer, [buffer]];
    }
    case 'close':
      await pglite.close();
      return [null, []];
  }
}
