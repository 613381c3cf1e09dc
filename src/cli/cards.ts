/** `grassroots cards`: a village's concern cards as a PDF file, printed as the county's operator. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { systemClock } from '../platform/clock.js';
import { printCards } from '../modules/concern-cards/cards.js';
import { cardsQuery, publicAddress } from '../modules/concern-cards/contracts.js';
import { operatorFor } from '../modules/organizations/county.js';
import { required, type Values } from './args.js';
import { chooseCounty, cliLang, open, UsageError, type Storage } from './common.js';

const zh = cliLang === 'zh';

export async function cardsCommand(storage: Storage, values: Values): Promise<number> {
  const village = required(values, 'village');
  const out = required(values, 'out');
  const layout = values.layout ?? 'card';
  const query = cardsQuery.safeParse({ village, layout });
  if (!query.success) throw new UsageError(zh ? `--layout 应为 card（每页一张）或 sheet（A4 每页四张）：${layout}` : `--layout must be card (one per page) or sheet (four to an A4 page): ${layout}`);
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !publicAddress.safeParse(baseUrl).success) {
    throw new UsageError(zh ? `--base-url 应为以 http:// 或 https:// 开头的网址：${baseUrl}` : `--base-url must be an http:// or https:// address: ${baseUrl}`);
  }
  const database = await open(storage);
  try {
    const county = await chooseCounty(database, values.county);
    const ctx = { db: database.db, clock: systemClock, actor: await operatorFor(database.db, county, 'cards') };
    // An address given here wins over the county's: the operator may print for a trial site.
    const { fileName, cards, pdf } = await printCards(ctx, query.data, { given: baseUrl });
    await writeFile(out, pdf);
    console.log(zh ? `已生成${fileName.replace(/\.pdf$/, '')}（${cards} 张）：${resolve(out)}` : `Wrote ${cards} cards (${fileName}) to ${resolve(out)}`);
    return 0;
  } finally {
    await database.close();
  }
}
