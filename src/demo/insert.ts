const CHUNK = 1000;

/** Bulk inserts in chunks: a statement has at most 65,535 parameters. */
export async function insertChunked<T>(rowsToInsert: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rowsToInsert.length; i += CHUNK) await insert(rowsToInsert.slice(i, i + CHUNK));
}
