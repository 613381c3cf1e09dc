import { AppError } from '../platform/errors.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { parse, usage, type Values } from './args.js';
import { cliLang, describeError, open, storageFrom, UsageError } from './common.js';

const zh = cliLang === 'zh';

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(zh ? `端口“${value}”无效，应为 1–65535 的整数` : `Invalid port "${value}": a whole number from 1 to 65535`);
  return port;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }
  const storage = storageFrom(values);
  if (command === 'serve') {
    const options = serveOptions(values);
    // The database starts in its worker thread while this thread loads the server's modules.
    const database = open(storage);
    database.catch(() => undefined);
    const { serve } = await import('./serve.js');
    return serve(storage, database, options);
  }
  const { runCommand } = await import('./commands.js');
  return runCommand(command, sub, arg, values, storage);
}

function serveOptions(values: Values) {
  return {
    port: portNumber(values.port ?? process.env.PORT ?? '3000'),
    host: values.host ?? '127.0.0.1',
    demoIfEmpty: values['demo-if-empty'] ?? false,
  };
}

run(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exitCode = 2;
    } else if (error instanceof AppError || error instanceof DataDirLockedError) {
      console.error(describeError(error));
      process.exitCode = 1;
    } else if ((error as Error).name === 'TableFileError') {
      console.error((error as { detail: { zh: string; en: string } }).detail[cliLang]);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
