/**
 * The steps on the path to membership that the platform records (rules.md §2.1, the 25 steps of
 * 发展党员工作细则 as provincial platforms track them, folded to the ones that are decisions or
 * dated facts). Pure data, shared with the web app: what each step is called, in which stage it
 * may be taken, what it needs before it, and what it changes.
 */
import type { MemberCategory, StageField } from '../rules/pipeline.js';

export const stepCodes = [
  'application', 'talk', 'activist', 'mentors', 'development_target', 'sponsors', 'political_review', 'training',
  'pre_review', 'branch_admission', 'admission_approval', 'oath', 'extension', 'full_application', 'branch_full',
  'full_approval', 'probation_cancelled',
] as const;
export type StepCode = (typeof stepCodes)[number];

/** The facts a step carries beside its date; which ones a step takes is `detailFields`. */
export interface StepDetail {
  /** 培养联系人, one or two members. */
  mentors?: string[];
  /** 入党介绍人, two full members. */
  sponsors?: string[];
  /** Length of the concentrated training, in days or in class hours. */
  days?: number;
  hours?: number;
  /** A branch meeting's vote: members with a vote who should attend, those present, those in favour. */
  shouldAttend?: number;
  present?: number;
  yes?: number;
  /** Months of a probation extension. */
  months?: number;
}
export type DetailField = keyof StepDetail;

export interface StepDefinition {
  zh: string;
  en: string;
  /** The stages in which the step means something; the application starts a path and has none. */
  during: readonly MemberCategory[];
  /** Steps the rules want done before this one (the latest of each counts). */
  requires: readonly StepCode[];
  /** The stage the step moves the person to, and the stage date that records it. */
  moves?: { to: MemberCategory; date: StageField };
  /** A decision of the approving committee (上级党委): needs 'member.approve' over the person's organization. */
  approval: boolean;
  /** Recorded once on a path (a second oath or extension makes no sense). */
  once: boolean;
  /** Detail the step requires; `training` needs either of its two. */
  detail: readonly DetailField[];
}

const votes: readonly DetailField[] = ['shouldAttend', 'present', 'yes'];

export const steps: Record<StepCode, StepDefinition> = {
  application: { zh: '递交入党申请书', en: 'written application', during: [], requires: [], moves: { to: 'applicant', date: 'appliedOn' }, approval: false, once: true, detail: [] },
  talk: { zh: '党组织派人谈话', en: 'talk with the applicant', during: ['applicant'], requires: [], approval: false, once: true, detail: [] },
  activist: { zh: '确定为入党积极分子', en: 'accepted as activist', during: ['applicant'], requires: ['talk'], moves: { to: 'activist', date: 'activistOn' }, approval: false, once: true, detail: [] },
  mentors: { zh: '指定培养联系人', en: 'mentors assigned', during: ['activist', 'development_target'], requires: [], approval: false, once: false, detail: ['mentors'] },
  development_target: {
    zh: '确定为发展对象', en: 'accepted as development target', during: ['activist'], requires: ['mentors'],
    moves: { to: 'development_target', date: 'targetOn' }, approval: false, once: true, detail: [],
  },
  sponsors: { zh: '确定入党介绍人', en: 'sponsors named', during: ['development_target'], requires: [], approval: false, once: false, detail: ['sponsors'] },
  political_review: { zh: '政治审查', en: 'political review', during: ['development_target'], requires: [], approval: false, once: false, detail: [] },
  training: { zh: '集中培训', en: 'concentrated training', during: ['development_target'], requires: [], approval: false, once: false, detail: ['days', 'hours'] },
  pre_review: {
    zh: '上级党委预审', en: 'pre-review by the approving committee', during: ['development_target'],
    requires: ['sponsors', 'political_review', 'training'], approval: false, once: false, detail: [],
  },
  branch_admission: { zh: '支部大会讨论接收', en: 'branch meeting resolves to admit', during: ['development_target'], requires: ['pre_review'], approval: false, once: false, detail: votes },
  admission_approval: {
    zh: '上级党委审批', en: 'admission approved by the committee', during: ['development_target'], requires: ['branch_admission'],
    moves: { to: 'probationary', date: 'joinedOn' }, approval: true, once: true, detail: [],
  },
  oath: { zh: '入党宣誓', en: 'oath', during: ['probationary'], requires: ['admission_approval'], approval: false, once: true, detail: [] },
  extension: { zh: '延长预备期', en: 'probation extended', during: ['probationary'], requires: ['branch_full'], approval: true, once: true, detail: ['months'] },
  full_application: { zh: '提出转正申请', en: 'application for full membership', during: ['probationary'], requires: [], approval: false, once: false, detail: [] },
  branch_full: { zh: '支部大会讨论转正', en: 'branch meeting on full membership', during: ['probationary'], requires: ['full_application'], approval: false, once: false, detail: votes },
  full_approval: {
    zh: '上级党委审批转正', en: 'full membership approved', during: ['probationary'], requires: ['branch_full'],
    moves: { to: 'full', date: 'fullOn' }, approval: true, once: true, detail: [],
  },
  probation_cancelled: { zh: '取消预备党员资格', en: 'probationary membership cancelled', during: ['probationary'], requires: ['branch_full'], approval: true, once: true, detail: [] },
};

/** A branch meeting's discussion at the end of probation is redone after an extension, with the application before it. */
export const redoneAfterExtension: readonly StepCode[] = ['full_application', 'branch_full'];
