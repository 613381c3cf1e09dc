/**
 * Pairings in the demo county: each township cadre helps households of the township's villages up
 * to their rank's quota under the default settings (seed 003: main leaders three, team members two,
 * the rest one), a few short of it or over it so the quota table shows both flags; contacts are
 * mostly monthly with some months missed, and a few pairings have ended. Households are the
 * households demo's, by village and number. Its own random stream.
 */
import { periodsBetween } from '../platform/cadence/periods.js';
import { addMonths } from '../platform/dates.js';
import { defaultPairingSettings } from '../modules/pairing/defaults.js';
import { rankOf } from '../modules/pairing/rules.js';
import { householdsByVillage, townshipCadres, type DemoHouseholdRef } from './diaries.js';
import type { DemoCounty } from './generate.js';
import { Random } from './random.js';

export interface DemoPairingContact {
  contactedOn: string;
  mode: 'visit' | 'phone' | 'other';
  note: string;
}

export interface DemoPairing {
  cadreKey: string;
  household: DemoHouseholdRef;
  helpTypes: string[];
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  contacts: DemoPairingContact[];
}

const notes: Record<DemoPairingContact['mode'], string[]> = {
  visit: ['入户了解生产生活情况', '查看危房改造进度', '宣传医保和养老保险政策', '指导烤烟移栽', '帮助联系务工岗位', '了解孩子上学情况'],
  phone: ['电话询问老人身体情况', '电话通知技术培训时间', '电话了解务工收入', '电话回复政策咨询'],
  other: ['在镇上集市碰面交谈', '在村委会座谈时交流'],
};
const modes: readonly (readonly [DemoPairingContact['mode'], number])[] = [['visit', 60], ['phone', 35], ['other', 5]];
const endReasons = ['家庭收入稳定，经评估结束帮扶', '干部工作调动', '农户搬迁至县城'];

export function demoPairings(demo: DemoCounty, asOf: string): DemoPairing[] {
  const rng = new Random(`pairing:${demo.code}:${asOf}`);
  const from = addMonths(asOf, -12);
  const households = householdsByVillage(demo, asOf);
  const pairings: DemoPairing[] = [];
  for (const { villages, cadres } of townshipCadres(demo)) {
    // Households of the township not yet paired, in a shuffled order; each helped by one cadre.
    const free: DemoHouseholdRef[] = rng.shuffle(villages.flatMap((v) => (households.get(v.code) ?? []).map((h) => ({ orgCode: v.code, number: h.number }))));
    for (const cadre of cadres) {
      const quota = rankOf(cadre.titles, defaultPairingSettings.ranks)?.households ?? 1;
      // Most meet the quota exactly; a few are short of it or over it.
      const n = Math.max(0, quota + rng.weighted([[0, 85], [-1, 10], [1, 5]] as const));
      for (let i = 0; i < n && free.length > 0; i++) {
        const household = free.pop()!;
        const startedOn = rng.date(from, addMonths(from, 2));
        const ended = rng.chance(0.05);
        const endedOn = ended ? rng.date(addMonths(startedOn, 3), asOf) : null;
        const last = endedOn ?? asOf;
        const diligence = rng.chance(0.15) ? 0.5 : 0.9;
        const contacts: DemoPairingContact[] = [];
        for (const month of periodsBetween('month', startedOn, last)) {
          if (!rng.chance(diligence)) continue;
          const start = month.start < startedOn ? startedOn : month.start;
          const end = month.end > last ? last : month.end;
          const mode = rng.weighted(modes);
          contacts.push({ contactedOn: rng.date(start, end), mode, note: rng.pick(notes[mode]) });
        }
        pairings.push({
          cadreKey: cadre.key, household, helpTypes: rng.shuffle(defaultPairingSettings.helpTypes.map((h) => h.id)).slice(0, rng.int(1, 2)),
          startedOn, endedOn, endReason: ended ? rng.pick(endReasons) : null, contacts,
        });
      }
    }
  }
  return pairings;
}
