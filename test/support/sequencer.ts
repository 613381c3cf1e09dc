// Longest files first, so that two workers finish together. Vitest orders by the durations it cached
// on the last run; a clean checkout (CI) has none, and without them the slowest files (the CLI's
// child processes, then the browser journeys) would start last and run on alone at the end.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SLOWEST_FIRST = ['test/cli/', 'test/e2e/'];

const rank = (path: string) => {
  const i = SLOWEST_FIRST.findIndex((prefix) => path.startsWith(prefix));
  return i === -1 ? SLOWEST_FIRST.length : i;
};

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const key = (file: TestSpecification) => `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`;
    if (sorted.every((file) => this.ctx.cache.getFileTestResults(key(file)))) return sorted;
    return sorted
      .map((file, i) => ({ file, i, rank: rank(relative(this.ctx.config.root, file.moduleId)) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map(({ file }) => file);
  }
}
