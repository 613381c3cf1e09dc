/**
 * Everything the benchmark starts (servers, child processes, temp dirs) registers how to undo it
 * here, so that a normal end, an error and Ctrl-C all leave the machine as it was.
 */
type Undo = () => Promise<void> | void;

const undos: { label: string; undo: Undo }[] = [];

/** Registers an undo step; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(label: string, undo: Undo): () => Promise<void> {
  const entry = { label, undo };
  undos.push(entry);
  return async () => {
    const i = undos.indexOf(entry);
    if (i < 0) return;
    undos.splice(i, 1);
    await undo();
  };
}

/** Runs every pending undo step, newest first; failures are reported, not thrown. */
export async function cleanupAll(): Promise<void> {
  while (undos.length > 0) {
    const { label, undo } = undos.pop()!;
    try {
      await undo();
    } catch (error) {
      console.error(`cleanup of ${label} failed:`, error instanceof Error ? error.message : error);
    }
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

// A crash (e.g. an unhandled 'error' event) must not leave a PostgreSQL server or child behind.
process.on('uncaughtException', (error) => {
  console.error(error);
  void cleanupAll().finally(() => process.exit(1));
});
