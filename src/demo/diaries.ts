/**
 * A year of visit diaries in the demo county: each township's cadres write a few a month about the
 * villages of their township, often about one household. The text is composed from pools of what
 * such diaries say (family situation, problems, demands, plans, results), so that searches for
 * 饮水, 危房, 医保 or 产业 find diaries across villages and months. Households are the households
 * demo's. Derived from the generated county with its own random stream, so the rest of the
 * generator's output stays as it was.
 */
import { periodsBetween } from '../platform/cadence/periods.js';
import { addDays, addMonths } from '../platform/dates.js';
import type { DemoCounty, DemoOrg } from './generate.js';
import { demoHouseholds, type DemoHousehold } from './households.js';
import { Random } from './random.js';

/** A household of the households demo, by its village and household number (unique in the village). */
export interface DemoHouseholdRef {
  orgCode: string;
  number: string;
}

export interface DemoDiary {
  authorKey: string;
  orgCode: string;
  writtenOn: string;
  household: DemoHouseholdRef | null;
  situation: string;
  problems: string | null;
  demands: string | null;
  plan: string | null;
  result: string | null;
}

const sizes = ['两', '三', '四', '五', '六'];
const livelihoods = ['以种植烤烟为主', '以种植玉米和土豆为主', '主要劳动力外出务工', '养殖生猪和肉牛', '种植核桃和花椒', '经营小卖部', '承包鱼塘养鱼', '种植蔬菜供应集镇'];
const circumstances = ['家中有一位八十多岁的老人需要照顾', '两个孩子在镇上读初中', '户主患有慢性病长期服药', '家庭收入比较稳定', '去年新建了住房', '子女在外地打工，老人留守在家', '一名残疾人享受两项补贴', '儿子今年考上了大学'];
/** What a visit finds and what follows from it, so that each diary reads as one story. */
const themes: { problems: string[]; demands: string[]; plans: string[]; results: string[] }[] = [
  { problems: ['饮水管道老化，旱季经常停水', '自来水水压不足，高处农户接不到水'], demands: ['希望尽快修复饮水管道', '希望解决吃水难问题'],
    plans: ['向镇水务站反映，协调维修', '组织村民投工投劳铺设管道'], results: ['已协调水务站更换管道，恢复供水', '管道已铺设完成，群众表示满意'] },
  { problems: ['房屋墙体开裂，属于危房', '土坯房年久失修，雨季漏雨'], demands: ['希望申请危房改造补助', '希望帮助修缮房屋'],
    plans: ['联系住建部门现场鉴定房屋', '帮助准备危房改造申请材料'], results: ['已上报危房改造名单', '房屋已完成加固'] },
  { problems: ['村道硬化工程进展缓慢，雨天出行困难', '入户道路泥泞，老人出行不便'], demands: ['希望硬化入户道路', '希望加快村道施工进度'],
    plans: ['向镇党委报告，列入本月办理事项', '在村民大会上通报工程进度'], results: ['已纳入下月村级项目计划', '施工队已进场'] },
  { problems: ['医保报销比例不清楚，看病负担较重', '慢性病门诊待遇没有办下来'], demands: ['希望帮助协调医保报销', '希望办理慢性病门诊证明'],
    plans: ['联系镇医保所讲解报销政策', '帮助整理病历材料'], results: ['已讲清医保报销政策，群众表示满意', '慢性病门诊证明已办好'] },
  { problems: ['烤烟收购价格偏低，收入下降', '产业发展缺少技术指导'], demands: ['希望村里组织烤烟种植技术培训', '希望提供小额信贷支持'],
    plans: ['联系农技人员上门指导', '协调信用社了解贷款条件'], results: ['已联系农技站，下周上门指导', '贷款申请已提交'] },
  { problems: ['灌溉用水紧张，蓄水池渗漏', '沟渠堵塞，田地灌溉困难'], demands: ['希望解决灌溉用水问题', '希望组织清理沟渠'],
    plans: ['向镇水务站反映，协调维修蓄水池', '组织党员志愿服务队清理沟渠'], results: ['蓄水池已修补完成', '沟渠已清理畅通'] },
  { problems: ['外出务工人员工资被拖欠', '家中劳动力找不到合适工作'], demands: ['希望帮助追讨工资', '希望介绍就近务工岗位'],
    plans: ['协调人社部门依法维权', '协调人社部门提供就业信息'], results: ['已帮助追回拖欠工资', '已推荐到县城工业园区务工'] },
  { problems: ['宅基地边界与邻居有纠纷', '承包地界线不清引发矛盾'], demands: ['希望调解邻里纠纷', '希望村里出面确认地界'],
    plans: ['组织村调解委员会上门调解', '请村民小组长现场确认地界'], results: ['纠纷已调解，双方签订协议', '地界已确认，双方无异议'] },
  { problems: ['家庭收入低，生活比较困难', '养老保险缴费档次不清楚'], demands: ['希望办理低保', '希望讲解养老保险政策'],
    plans: ['帮助准备低保申请材料', '在下次村民大会上通报有关政策'], results: ['低保申请已上报镇民政办', '正在办理中'] },
];

const isVillage = (o: DemoOrg) => (o.unitType === 'village' || o.unitType === 'community') && o.type !== 'party_group';

/** Each township's villages and the cadres posted at the township itself: who writes, and about where. */
export function townshipCadres(demo: DemoCounty): { township: DemoOrg; villages: DemoOrg[]; cadres: { key: string; titles: string[] }[] }[] {
  const townships = demo.orgs.filter((o) => (o.type === 'committee' || o.type === 'working_committee') && (o.unitType === 'township' || o.unitType === 'street'));
  return townships.map((township) => {
    const titles = new Map<string, string[]>();
    for (const p of demo.posts) {
      if (p.orgCode !== township.code || p.role === 'member') continue;
      titles.set(p.personKey, [...new Set([...(titles.get(p.personKey) ?? []), p.title])]);
    }
    return {
      township,
      villages: demo.orgs.filter((o) => o.parentCode === township.code && isVillage(o)),
      cadres: [...titles].map(([key, t]) => ({ key, titles: t })),
    };
  }).filter((t) => t.villages.length > 0 && t.cadres.length > 0);
}

/** The households demo's households by village. */
export function householdsByVillage(demo: DemoCounty, asOf: string): Map<string, DemoHousehold[]> {
  const byVillage = new Map<string, DemoHousehold[]>();
  for (const h of demoHouseholds(demo, asOf)) byVillage.set(h.orgCode, [...(byVillage.get(h.orgCode) ?? []), h]);
  return byVillage;
}

export function demoDiaries(demo: DemoCounty, asOf: string): DemoDiary[] {
  const rng = new Random(`diaries:${demo.code}:${asOf}`);
  const households = householdsByVillage(demo, asOf);
  const from = addDays(addMonths(asOf, -12), 1);
  const months = periodsBetween('month', from, asOf);
  const diaries: DemoDiary[] = [];
  for (const { villages, cadres } of townshipCadres(demo)) {
    for (const cadre of cadres) {
      for (const month of months) {
        const count = rng.int(1, 4);
        for (let i = 0; i < count; i++) {
          const village = rng.pick(villages);
          const writtenOn = rng.date(month.start < from ? from : month.start, month.end < asOf ? month.end : asOf);
          if (writtenOn < village.establishedOn) continue;
          const ofVillage = households.get(village.code) ?? [];
          const household = ofVillage.length > 0 && rng.chance(0.75) ? rng.pick(ofVillage) : null;
          const theme = rng.pick(themes);
          diaries.push({
            authorKey: cadre.key, orgCode: village.code, writtenOn,
            household: household ? { orgCode: village.code, number: household.number } : null,
            situation: household
              ? `${household.headName}家${rng.pick(sizes)}口人，${rng.pick(livelihoods)}，${rng.pick(circumstances)}。`
              : `走访${village.name.replace(/党(总)?支部$|党委$/, '')}，召开群众座谈会，了解村里近期生产生活情况。`,
            problems: rng.chance(0.9) ? `${rng.pick(theme.problems)}。` : null,
            demands: rng.chance(0.8) ? `${rng.pick(theme.demands)}。` : null,
            plan: rng.chance(0.8) ? `${rng.pick(theme.plans)}。` : null,
            result: rng.chance(0.6) ? `${rng.pick(theme.results)}。` : null,
          });
        }
      }
    }
  }
  return diaries.sort((a, b) => (a.writtenOn < b.writtenOn ? -1 : a.writtenOn > b.writtenOn ? 1 : 0));
}
