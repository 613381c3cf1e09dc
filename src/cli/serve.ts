import { createApp } from '../app.js';
import { systemClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { cliLang, UsageError, type Storage } from './common.js';
import { buildDemo, isEmpty, printAccounts, rememberAccounts, rememberedAccounts } from './demo.js';

const zh = cliLang === 'zh';

/**
 * Runs the platform until SIGTERM or SIGINT. Shutdown stops accepting requests, lets the ones in
 * flight finish (their writes commit before they are answered), then closes the database.
 */
export async function serve(storage: Storage, opening: Promise<Database>, options: { port: number; host: string; demoIfEmpty: boolean }): Promise<number> {
  const database = await opening;
  let accounts = rememberedAccounts(storage);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    if (options.demoIfEmpty && (await isEmpty(database))) {
      console.log(zh ? '数据目录为空，正在生成演示县……' : 'Empty database: building the demo county…');
      accounts = await buildDemo(database, { scale: 'county', seed: 1 });
      rememberAccounts(storage, accounts);
    }
    app = await createApp(database, { clock: systemClock, logger: process.env.GRASSROOTS_LOG === '1' });
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    // Close the database cleanly and release the data directory before reporting the failure.
    await app?.close().catch(() => {});
    await database.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(zh ? `端口 ${options.port} 已被占用，请用 --port 指定其他端口。` : `Port ${options.port} is already in use; choose another with --port.`);
    }
    throw error;
  }
  const server = app;
  const address = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  const engine = database.engine === 'pglite' ? (zh ? '嵌入式 PostgreSQL' : 'embedded PostgreSQL') : 'PostgreSQL';
  console.log(zh ? `基层党建工作平台已启动：${address}` : `Grassroots is running at ${address}`);
  console.log(zh ? `数据：${database.location}（${engine}）；启动用时 ${Math.round(performance.now())} 毫秒` : `Data: ${database.location} (${engine}); started in ${Math.round(performance.now())} ms`);
  printAccounts(accounts);

  return new Promise((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(zh ? `收到 ${signal}，正在关闭……` : `${signal} received, shutting down…`);
      await server.close();
      await database.close();
      resolve(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
