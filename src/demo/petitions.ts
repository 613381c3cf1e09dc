/**
 * A year of petitions (信访事项) in the demo county: a handful, as a county of this size sees, in
 * every part of the procedure: closed after a reply, extended once, reviewed, re-reviewed (final),
 * not accepted, open and overdue, replied with the feedback still owed, just registered, and one
 * accusing the village secretary who holds a demo account, so that the demo can show that account
 * does not see it. Each history is replayed through the module's rules, which must allow every
 * step; state and due day come from it as the server derives them. Its own random stream; no
 * database, no clock.
 */
import { addDays } from '../platform/dates.js';
import {
  currentDue, factsOf, petitionNumber, stateAfter, verdict, type Category, type Channel, type HistoryStep, type PetitionAction, type PetitionState,
} from '../modules/petitions/rules.js';
import type { DemoCounty, DemoOrg } from './generate.js';
import { Random } from './random.js';

export interface DemoPetitionEvent {
  on: string;
  action: 'register' | PetitionAction;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface DemoPetition {
  number: string;
  /** The handling organization. */
  orgCode: string;
  registeredByUsername: string | null;
  receivedOn: string;
  channel: Channel;
  referredBy: string | null;
  content: string;
  category: Category;
  petitioners: { name: string; idNumber: string | null; phone: string | null; address: string | null }[];
  accusedPersonKeys: string[];
  accusedNames: string[];
  accusedOrgCodes: string[];
  state: PetitionState;
  dueOn: string | null;
  events: DemoPetitionEvent[];
}

/** An action, the days after receipt it happened, and its data (which may name days relative to it). */
type Step = [PetitionAction, number, ((on: string) => Record<string, unknown>)?];
interface Script {
  /** Days before the demo's day it was received. */
  ago: number;
  channel: Channel;
  category: Category;
  content: string;
  steps: Step[];
  where: 'village' | 'secretary_village' | 'secretary_town';
  accusesSecretary?: boolean;
  registeredBy?: 'secretary' | 'township';
}

const reply = (text: string) => () => ({ text });
const told = (how: string) => () => ({ by: '村党支部书记', how });

const scripts: Script[] = [
  { ago: 300, channel: 'letter', category: 'infrastructure', content: '反映通组道路硬化后不到一年即出现大面积开裂，要求查明工程质量问题。', where: 'village',
    steps: [['accept', 5], ['assign', 6, () => ({ assignee: '乡镇规划建设服务中心' })], ['reply', 40, reply('经检测，开裂路段为施工单位养护不到位所致，已责令其在质保期内返修。')], ['feedback_petitioner', 42, told('in_person')], ['close', 75]] },
  { ago: 220, channel: 'referred', category: 'land', content: '反映土地流转后承租企业拖欠两年租金，多次催要未果。', where: 'village',
    steps: [['accept', 10], ['assign', 12, () => ({ assignee: '乡镇农业农村服务中心' })],
      ['extend', 60, (on) => ({ days: 30, approver: '乡镇党委书记', reason: '涉及企业破产清算，需等待法院裁定', petitionerToldOn: addDays(on, 2) })],
      ['reply', 85, reply('经协调，承租企业已分两期付清所欠租金。')], ['feedback_petitioner', 87, told('phone')], ['feedback_body', 88, () => ({ by: '乡镇信访办', how: 'report' })], ['close', 125]] },
  { ago: 260, channel: 'visit', category: 'social_security', content: '反映家中老人符合低保条件但评议未通过，认为评议不公开。', where: 'village',
    steps: [['accept', 7], ['reply', 50, reply('经入户核查，家庭人均收入高于当地低保标准，评议结果符合规定。')], ['review_request', 65],
      ['review_decide', 90, reply('复查维持原答复意见，同时告知可申请临时救助。')], ['feedback_petitioner', 92, told('in_person')], ['close', 125]] },
  { ago: 340, channel: 'letter', category: 'dispute', content: '反映与邻居宅基地边界争议，认为村组调解结果不公。', where: 'village',
    steps: [['accept', 5], ['reply', 45, reply('经实地测量并查阅原始审批档案，界址以原审批图为准。')], ['review_request', 60], ['review_decide', 85, reply('复查维持。')],
      ['re_review_request', 100], ['re_review_decide', 125, reply('复核维持，本事项办理终结。')], ['feedback_petitioner', 126, told('letter')], ['close', 126]] },
  { ago: 120, channel: 'phone', category: 'other', content: '要求撤销已生效的民事判决。', where: 'village',
    steps: [['not_accept', 6, (on) => ({ reason: '属于通过诉讼程序解决的事项，已告知向人民法院申请再审', noticeOn: addDays(on, 1) })]] },
  { ago: 95, channel: 'online', category: 'environment', content: '反映养殖场污水直排河道，下游灌溉用水受污染。', where: 'village',
    steps: [['accept', 10], ['assign', 11, () => ({ assignee: '县生态环境分局' })]] },
  { ago: 50, channel: 'letter', category: 'infrastructure', content: '反映自来水管网改造后高处农户水压不足。', where: 'village',
    steps: [['accept', 3], ['reply', 40, reply('已加装增压泵，高处农户用水恢复正常。')]] },
  { ago: 20, channel: 'visit', category: 'cadre_conduct', content: '反映村党支部书记在产业补贴发放中优亲厚友。', where: 'secretary_town', accusesSecretary: true, registeredBy: 'township',
    steps: [['accept', 4], ['assign', 5, () => ({ assignee: '乡镇纪委' })]] },
  { ago: 4, channel: 'letter', category: 'land', content: '反映承包地被邻组村民侵占耕种。', where: 'secretary_village', registeredBy: 'secretary', steps: [] },
];

const surnames = ['李', '王', '张', '杨', '赵', '刘', '陈', '马', '周', '罗'];
const given = ['建国', '秀英', '明华', '桂兰', '志强', '玉珍', '德福', '春梅', '永红', '国才'];
const isVillage = (o: DemoOrg) => (o.type === 'branch' || o.type === 'joint_branch') && (o.unitType === 'village' || o.unitType === 'community');

export function demoPetitions(demo: DemoCounty, asOf: string): DemoPetition[] {
  const rng = new Random(`petitions:${demo.code}:${asOf}`);
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary');
  const township = demo.accounts.find((a) => a.role === 'township_admin');
  const villages = demo.orgs.filter((o) => isVillage(o) && o.code !== secretary?.orgCode);
  const secretaryVillage = demo.orgs.find((o) => o.code === secretary?.orgCode);
  const made: DemoPetition[] = [];
  for (const script of scripts) {
    const org = script.where === 'village' ? rng.pick(villages)
      : script.where === 'secretary_village' ? secretaryVillage : demo.orgs.find((o) => o.code === secretaryVillage?.parentCode);
    if (!org || (script.accusesSecretary && !secretary)) continue;
    const receivedOn = addDays(asOf, -script.ago);
    const history: HistoryStep[] = [{ action: 'register', on: receivedOn }];
    const events: DemoPetitionEvent[] = [{ on: receivedOn, action: 'register', note: null, data: { channel: script.channel } }];
    let state: PetitionState = 'registered';
    for (const [action, after, data] of script.steps) {
      const on = addDays(receivedOn, after);
      const v = verdict(action, factsOf(history), on, asOf, script.channel === 'referred');
      if (!v.allowed) throw new Error(`demo petition "${script.content}": ${action} on ${on} refused (${v.reason})`);
      const values = data?.(on) ?? null;
      history.push({ action, on, extensionDays: values?.days as number | undefined });
      events.push({ on, action, note: null, data: values });
      state = stateAfter(action, state);
    }
    const name = rng.pick(surnames) + rng.pick(given);
    made.push({
      number: '', orgCode: org.code, receivedOn, channel: script.channel, referredBy: script.channel === 'referred' ? '县信访局' : null, content: script.content,
      category: script.category,
      registeredByUsername: script.registeredBy === 'secretary' ? secretary!.username : script.registeredBy === 'township' ? township?.username ?? null : null,
      petitioners: [{ name, idNumber: null, phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`, address: `${org.name.replace(/党(总)?支部$|党委$/, '')}${rng.int(1, 9)}组` }],
      accusedPersonKeys: script.accusesSecretary ? [secretary!.personKey] : [],
      accusedNames: [],
      accusedOrgCodes: [],
      state, dueOn: currentDue(factsOf(history)), events,
    });
  }
  made.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  const perYear = new Map<number, number>();
  for (const p of made) {
    const year = Number(p.receivedOn.slice(0, 4));
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    p.number = petitionNumber(year, perYear.get(year)!);
  }
  return made;
}
