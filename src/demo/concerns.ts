/**
 * A year of villagers' concerns in the demo county: each village and community gets some every
 * month across the county's default categories and the three channels, most answered within their
 * time limit and rated, some late (a few still open and overdue on the day), some paused while
 * waiting on the submitter, some reopened, some closing unrated, a few rejected or duplicates.
 * Each concern comes with its history, from which the due day is derived as the server derives it
 * (rules.dueOn on the national calendar). Its own random stream, so the rest of the generator's
 * output stays as it was; no database, no clock.
 */
import { addWorkingDays, CalendarMissing, workCalendar, type WorkCalendar } from '../platform/calendar/calendar.js';
import { nationalCalendars } from '../platform/calendar/national.js';
import { addDays, addMonths } from '../platform/dates.js';
import { defaultConcernSettings } from '../modules/concerns/settings.js';
import {
  dueOn, stateTypeOf, trackingCodeFrom, type ConcernState, type HistoryStep, type Rating, type StateType,
} from '../modules/concerns/rules.js';
import type { DemoCounty, DemoOrg } from './generate.js';
import { Random } from './random.js';

export interface DemoConcernEvent {
  /** ISO instant, China time. */
  at: string;
  action: string;
  fromState: ConcernState | null;
  toState: ConcernState;
  toStateType: StateType;
  handlerOrgCode: string;
  handlerPersonKey: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface DemoConcern {
  orgCode: string;
  trackingCode: string;
  channel: 'public' | 'on_behalf' | 'visit';
  /** The demo account that entered it (on behalf, from a visit) when one reaches the village; else null. */
  enteredByUsername: string | null;
  content: string;
  category: string | null;
  priority: 'normal' | 'urgent';
  submitterName: string | null;
  submitterPhone: string | null;
  anonymous: boolean;
  replyChannel: 'none' | 'sms';
  state: ConcernState;
  stateType: StateType;
  handlerOrgCode: string;
  handlerPersonKey: string | null;
  receivedAt: string;
  dueOn: string | null;
  answerDraft: string | null;
  reply: string | null;
  repliedAt: string | null;
  rating: Rating | null;
  ratingComment: string | null;
  ratedAt: string | null;
  ratedHandlerPersonKey: string | null;
  duplicateOfTrackingCode: string | null;
  rejectReason: string | null;
  reopenCount: number;
  closedAt: string | null;
  events: DemoConcernEvent[];
}

const contents: Record<string, string[]> = {
  infrastructure: ['村口路灯坏了，晚上出行不便', '进村道路有坑，雨天积水', '自来水压力小，高处人家用不上水', '小组的水渠垮了一段，影响灌溉', '村里的桥栏杆松动，孩子上学不安全'],
  agriculture: ['今年烤烟收购价格想了解一下', '核桃病虫害多，希望请技术员来看看', '想申请农业机械购置补贴', '土地流转合同到期，租金没谈好', '种子出苗率低，怀疑是假种子'],
  social_security: ['家里老人想申请低保，不知道要什么材料', '医保缴费后卡上没有显示', '残疾证到期需要换证', '养老金这个月没有到账', '想咨询临时救助怎么申请'],
  disputes: ['邻居盖房占了我家的路', '和邻村因为放牧起了矛盾', '宅基地边界有争议', '土地承包界线不清，两家有纠纷'],
  sanitation: ['垃圾池满了好几天没人清运', '河边有人乱倒建筑垃圾', '公厕没人打扫', '养殖场气味太大，影响周边'],
  policy: ['想了解危房改造政策', '外出务工交通补贴怎么申请', '大学生入学资助政策想问一下', '新农合报销比例是多少'],
  other: ['希望村里组织一次文艺活动', '建议在村委会门口装个公告栏', '村里的广播声音太小'],
};
const replies: Record<string, string> = {
  infrastructure: '已联系相关单位进行维修，现已修复，感谢您的反映。',
  agriculture: '已请镇农业服务中心技术人员上门指导，并说明了相关政策。',
  social_security: '已向您说明办理流程和所需材料，并协助提交了申请。',
  disputes: '村调解委员会已组织双方协商，达成一致意见。',
  sanitation: '已安排保洁人员清理，并加强日常巡查。',
  policy: '已向您详细解释相关政策，申请材料可到村便民服务站办理。',
  other: '您的建议已提交村两委研究，将尽快落实。',
};
const callers = ['马', '张', '李', '王', '杨', '赵', '刘', '陈', '普', '罗'];
const appellations = ['大爷', '大妈', '师傅', '阿姨', '大哥', '大姐'];
const PHONE_PREFIXES = ['138', '139', '150', '151', '158', '187', '188'];

const isVillage = (o: DemoOrg) => (o.type === 'branch' || o.type === 'joint_branch') && (o.unitType === 'village' || o.unitType === 'community');
const instant = (day: string, hour: number, minute: number) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;

export function demoConcerns(demo: DemoCounty, asOf: string): DemoConcern[] {
  const rng = new Random(`concerns:${demo.code}:${asOf}`);
  const calendar = workCalendar(new Map([...nationalCalendars].filter(([y]) => y >= Number(asOf.slice(0, 4)) - 1)));
  const from = addMonths(asOf, -12);
  const orgs = new Map(demo.orgs.map((o) => [o.code, o]));
  const postsAt = (code: string, role: string) => demo.posts.filter((p) => p.orgCode === code && p.role === role).map((p) => p.personKey);
  const account = demo.accounts.find((a) => a.role === 'cadre');
  const codes = new Set<string>();
  const all: DemoConcern[] = [];

  for (const village of demo.orgs.filter(isVillage)) {
    const township = village.parentCode ? orgs.get(village.parentCode) : undefined;
    const handlers = [...postsAt(village.code, 'branch_secretary'), ...(township ? postsAt(township.code, 'cadre') : [])];
    if (handlers.length === 0) continue;
    const count = rng.int(8, 16);
    for (let i = 0; i < count; i++) {
      const received = rng.date(from < village.establishedOn ? village.establishedOn : from, asOf);
      try {
        const made = oneConcern(rng.fork(`${village.code}:${i}`), calendar, village, handlers, received, asOf, codes);
        made.enteredByUsername = made.channel !== 'public' && account && township && account.orgCode === township.code ? account.username : null;
        all.push(made);
      } catch (error) {
        // A case running past the calendars the platform carries is left out rather than guessed.
        if (!(error instanceof CalendarMissing)) throw error;
      }
    }
  }
  // A few duplicates point at an earlier concern of the same village.
  for (const c of all.filter((x) => x.state === 'duplicate')) {
    const original = all.find((o) => o.orgCode === c.orgCode && o !== c && o.state !== 'duplicate' && o.receivedAt < c.receivedAt);
    if (original) c.duplicateOfTrackingCode = original.trackingCode;
    else {
      c.state = 'rejected';
      c.rejectReason = '内容不属于本村受理范围';
      c.events.at(-1)!.toState = 'rejected';
      c.events.at(-1)!.action = 'reject';
      c.events.at(-1)!.note = c.rejectReason;
    }
  }
  return all.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.trackingCode.localeCompare(b.trackingCode));
}

function oneConcern(rng: Random, calendar: WorkCalendar, village: DemoOrg, handlers: string[], received: string, asOf: string, codes: Set<string>): DemoConcern {
  let trackingCode = trackingCodeFrom((max) => rng.int(0, max - 1));
  while (codes.has(trackingCode)) trackingCode = trackingCodeFrom((max) => rng.int(0, max - 1));
  codes.add(trackingCode);
  const category = rng.weighted([['infrastructure', 5], ['agriculture', 3], ['social_security', 4], ['disputes', 2], ['sanitation', 3], ['policy', 3], ['other', 1]] as const);
  const limit = defaultConcernSettings.categories.find((c) => c.id === category)!.limitDays;
  const channel = rng.weighted([['public', 5], ['on_behalf', 3], ['visit', 2]] as const);
  const anonymous = channel === 'public' && rng.chance(0.15);
  const phone = anonymous || rng.chance(0.3) ? null : `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const c: DemoConcern = {
    orgCode: village.code, trackingCode, channel, enteredByUsername: null, content: rng.pick(contents[category]!),
    category: channel === 'public' && rng.chance(0.4) ? null : category, priority: rng.chance(0.08) ? 'urgent' : 'normal',
    submitterName: anonymous ? null : `${rng.pick(callers)}${rng.pick(appellations)}`, submitterPhone: phone, anonymous,
    replyChannel: phone && rng.chance(0.5) ? 'sms' : 'none', state: 'submitted', stateType: 'new', handlerOrgCode: village.code, handlerPersonKey: null,
    receivedAt: instant(received, rng.int(8, 20), rng.int(0, 59)), dueOn: null, answerDraft: null, reply: null, repliedAt: null, rating: null,
    ratingComment: null, ratedAt: null, ratedHandlerPersonKey: null, duplicateOfTrackingCode: null, rejectReason: null, reopenCount: 0, closedAt: null, events: [],
  };
  const history: HistoryStep[] = [];
  /** Records a step if its day has come; answers whether it did. */
  const step = (day: string, action: string, to: ConcernState, extra: { note?: string; data?: Record<string, unknown> } = {}): boolean => {
    if (day > asOf) return false;
    const at = instant(day, 9 + c.events.length % 8, (c.events.length * 7) % 60);
    c.events.push({ at, action, fromState: c.events.length ? c.state : null, toState: to, toStateType: stateTypeOf[to], handlerOrgCode: c.handlerOrgCode, handlerPersonKey: c.handlerPersonKey, note: extra.note ?? null, data: extra.data ?? null });
    history.push({ on: day, action, toStateType: stateTypeOf[to] });
    c.state = to;
    c.stateType = stateTypeOf[to];
    if (c.stateType === 'open' || c.stateType === 'paused') c.dueOn = dueOn(calendar, history, limit);
    return true;
  };
  step(received, 'submit', 'submitted', { data: { channel } });
  const acceptedOn = addWorkingDays(calendar, received, rng.int(0, 1));
  const fate = rng.next();
  if (fate < 0.03) {
    if (step(acceptedOn, 'reject', 'rejected', { note: '反映内容不属于村级受理范围' })) { c.rejectReason = '反映内容不属于村级受理范围'; c.closedAt = c.events.at(-1)!.at; }
    return c;
  }
  if (fate < 0.06) {
    if (step(acceptedOn, 'duplicate', 'duplicate')) c.closedAt = c.events.at(-1)!.at;
    return c;
  }
  c.category = category;
  if (!step(acceptedOn, 'accept', 'accepted')) return c;
  c.handlerPersonKey = rng.pick(handlers);
  if (!step(acceptedOn, 'assign', 'assigned')) return c;
  let day = addWorkingDays(calendar, acceptedOn, 1);
  if (!step(day, 'start', 'in_progress')) return c;
  if (rng.chance(0.1)) {
    if (!step(addWorkingDays(calendar, day, 1), 'pause', 'paused', { data: { reason: 'awaiting_submitter' }, note: '等待群众补充材料' })) return c;
    day = addWorkingDays(calendar, day, rng.int(2, 5));
    if (!step(day, 'resume', 'in_progress')) return c;
  }
  // Most are answered within the limit; about one in seven runs late.
  const late = rng.chance(0.14);
  const answerOn = late ? addWorkingDays(calendar, c.dueOn!, rng.int(1, 8)) : addWorkingDays(calendar, day, rng.int(0, Math.max(0, limit - 2)));
  c.answerDraft = replies[category]!;
  if (!step(answerOn < day ? day : answerOn, 'answer', 'answered')) { c.answerDraft = null; return c; }
  const repliedOn = addWorkingDays(calendar, answerOn < day ? day : answerOn, rng.int(0, 1));
  if (!reply(c, repliedOn, step)) return c;
  after(rng, c, repliedOn, asOf, calendar, step, handlers);
  return c;
}

type Step = (day: string, action: string, to: ConcernState, extra?: { note?: string; data?: Record<string, unknown> }) => boolean;

function reply(c: DemoConcern, day: string, step: Step): boolean {
  if (!step(day, 'reply', 'replied')) return false;
  c.reply = c.answerDraft;
  c.repliedAt = c.events.at(-1)!.at;
  return true;
}

/** After the reply: rated (mostly satisfied), reopened once in a while, or left unrated to close on its own. */
function after(rng: Random, c: DemoConcern, repliedOn: string, asOf: string, calendar: WorkCalendar, step: Step, handlers: string[]): void {
  const { ratingDays } = defaultConcernSettings;
  if (rng.chance(0.06)) {
    const reopenOn = addDays(repliedOn, rng.int(1, 10));
    if (!step(reopenOn, 'reopen', 'reopened', { note: '问题没有彻底解决', data: { previousRating: null } })) return;
    c.reopenCount = 1;
    c.handlerPersonKey = rng.pick(handlers);
    if (!step(reopenOn, 'assign', 'assigned')) return;
    const startOn = addWorkingDays(calendar, reopenOn, 1);
    if (!step(startOn, 'start', 'in_progress')) return;
    const again = addWorkingDays(calendar, startOn, rng.int(1, 4));
    c.answerDraft = `${c.answerDraft} 经再次核实处理，问题已解决。`;
    if (!step(again, 'answer', 'answered')) return;
    if (!reply(c, again, step)) return;
    repliedOn = again;
  }
  if (rng.chance(0.72)) {
    const rating = rng.weighted([['satisfied', 75], ['basically_satisfied', 18], ['unsatisfied', 7]] as const);
    const ratedOn = addDays(repliedOn, rng.int(0, ratingDays));
    if (!step(ratedOn, 'rate', rating === 'unsatisfied' ? 'replied' : 'closed', { data: { rating, ratedHandlerPersonKey: c.handlerPersonKey } })) return;
    Object.assign(c, { rating, ratedAt: c.events.at(-1)!.at, ratedHandlerPersonKey: c.handlerPersonKey, ratingComment: rating === 'satisfied' ? '办得好' : null });
    if (rating !== 'unsatisfied') c.closedAt = c.ratedAt;
    else if (step(addDays(repliedOn, defaultConcernSettings.reopenDays + 1), 'close', 'closed')) c.closedAt = c.events.at(-1)!.at;
    return;
  }
  if (step(addDays(repliedOn, ratingDays + 1), 'close_unrated', 'closed_unrated')) c.closedAt = c.events.at(-1)!.at;
}
