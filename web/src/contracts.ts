/** Types of the API, inferred from the server's zod contracts (type-only: nothing of the server is bundled). */
import type { z } from 'zod';
import type {
  changePasswordBody, createUserBody, me, meBody, resetPasswordBody, signInBody, userList, userView,
} from '../../src/modules/accounts/contracts.js';
import type { auditPage, auditQuery } from '../../src/modules/audit-log/contracts.js';
import type { homeBody, todosBody } from '../../src/modules/home/contracts.js';
import type {
  createOrgBody, dissolveOrgBody, importBody, importReport, mergeOrgBody, moveOrgBody, orgDetail, orgEvent, orgList, orgSummary,
  updateOrgBody, villagerGroupBody,
} from '../../src/modules/organizations/contracts.js';
import type { memberFilters, memberPage, memberProfile, sensitiveValues } from '../../src/modules/members/contracts.js';
import type { errorBody, permission } from '../../src/platform/http/contracts.js';
import type { basicSituationBody, statisticsBody } from '../../src/modules/members/statistics/contracts.js';

export type Me = z.infer<typeof me>;
export type MeBody = z.infer<typeof meBody>;
export type SignInBody = z.input<typeof signInBody>;
export type ChangePasswordBody = z.input<typeof changePasswordBody>;

export type UserView = z.infer<typeof userView>;
export type UserList = z.infer<typeof userList>;
export type CreateUserBody = z.input<typeof createUserBody>;
export type ResetPasswordBody = z.input<typeof resetPasswordBody>;

export type HomeView = z.infer<typeof homeBody>;
export type Todos = z.infer<typeof todosBody>;
export type Todo = Todos['items'][number];

export type OrgSummary = z.infer<typeof orgSummary>;
export type OrgDetail = z.infer<typeof orgDetail>;
export type OrgEvent = z.infer<typeof orgEvent>;
export type OrgList = z.infer<typeof orgList>;
export type CreateOrgBody = z.input<typeof createOrgBody>;
export type UpdateOrgBody = z.input<typeof updateOrgBody>;
export type MoveOrgBody = z.input<typeof moveOrgBody>;
export type MergeOrgBody = z.input<typeof mergeOrgBody>;
export type DissolveOrgBody = z.input<typeof dissolveOrgBody>;
export type Permission = z.infer<typeof permission>;
export type VillagerGroupBody = z.input<typeof villagerGroupBody>;
export type VillagerGroup = NonNullable<OrgDetail['adminUnit']>['villagerGroups'][number];
export type ImportBody = z.input<typeof importBody>;
export type ImportReportView = z.infer<typeof importReport>;
export type ImportRow = ImportReportView['rows'][number];

export type AuditPage = z.infer<typeof auditPage>;
export type AuditEvent = AuditPage['items'][number];
export type AuditQuery = z.input<typeof auditQuery>;

// members: list, profile, privacy and export
export type MemberFilters = z.input<typeof memberFilters>;
export type MemberPage = z.infer<typeof memberPage>;
export type MemberItem = MemberPage['items'][number];
export type MemberProfile = z.infer<typeof memberProfile>;
export type SensitiveValues = z.infer<typeof sensitiveValues>;

export type ErrorBody = z.infer<typeof errorBody>;
export type FieldProblem = NonNullable<ErrorBody['error']['fields']>[number];

export type StatisticsView = z.infer<typeof statisticsBody>;
export type StatisticsChild = StatisticsView['children'][number];
export type BasicSituation = z.infer<typeof basicSituationBody>;

// meetings: list, calendar, detail, the form and its roster
import type {
  cancelMeetingBody, lecturerSuggestionBody, meetingBody, meetingDetail, meetingListQuery, meetingPage, meetingUpdateBody, rosterBody,
} from '../../src/modules/meetings/contracts.js';
export type MeetingBody = z.input<typeof meetingBody>;
export type MeetingUpdateBody = z.input<typeof meetingUpdateBody>;
export type MeetingListQuery = z.input<typeof meetingListQuery>;
export type MeetingPage = z.infer<typeof meetingPage>;
export type MeetingItem = MeetingPage['items'][number];
export type MeetingDetail = z.infer<typeof meetingDetail>;
export type CancelMeetingBody = z.input<typeof cancelMeetingBody>;
export type Roster = z.infer<typeof rosterBody>;
export type RosterPerson = Roster['items'][number];
export type LecturerSuggestion = z.infer<typeof lecturerSuggestionBody>;

// compliance: the cadence rules in force and the matrix of organizations × periods
import type { cadenceRuleView, complianceBody, ruleBody, rulesBody } from '../../src/modules/compliance/contracts.js';
export type CadenceRuleView = z.infer<typeof cadenceRuleView>;
export type Rules = z.infer<typeof rulesBody>;
export type RuleBody = z.input<typeof ruleBody>;
export type ComplianceView = z.infer<typeof complianceBody>;
export type ComplianceRow = ComplianceView['rows'][number];
export type ComplianceCell = NonNullable<ComplianceRow['cells'][number]>;
export type CompliancePeriod = ComplianceView['periods'][number];
export type ComplianceRollup = ComplianceView['rollup'][number];

// dues: the monthly sheet of a branch, its payments and the year's bases
import type { basesBody, basesView, paymentPatch, paymentsBody, settingsView, sheetView } from '../../src/modules/dues/contracts.js';
export type DuesSettingsView = z.infer<typeof settingsView>;
export type DuesSheet = z.infer<typeof sheetView>;
export type DuesSheetRow = DuesSheet['items'][number];
export type DuesPayment = NonNullable<DuesSheetRow['payment']>;
export type DuesPaymentsBody = z.input<typeof paymentsBody>;
export type DuesPaymentPatch = z.input<typeof paymentPatch>;
export type DuesBases = z.infer<typeof basesView>;
export type DuesBaseRow = DuesBases['items'][number];
export type DuesBasesBody = z.input<typeof basesBody>;

// dues: collections per branch and month, remittances, uses, the published list
import type {
  collectionsView, publishedView, remittanceInput, remittancePatch, remittanceView, useInput, usePatch, usesView,
} from '../../src/modules/dues/contracts.js';
export type DuesCollections = z.infer<typeof collectionsView>;
export type DuesCollectionsBranch = DuesCollections['branches'][number];
export type DuesRemittance = z.infer<typeof remittanceView>;
export type DuesRemittanceBody = z.input<typeof remittanceInput>;
export type DuesRemittancePatch = z.input<typeof remittancePatch>;
export type DuesUses = z.infer<typeof usesView>;
export type DuesUse = DuesUses['items'][number];
export type DuesUseBody = z.input<typeof useInput>;
export type DuesUsePatch = z.input<typeof usePatch>;
export type DuesPublished = z.infer<typeof publishedView>;

// appraisal: a branch's round, its evaluations, grades and follow-ups; the subtree's rounds; the county's cap
import type {
  evaluationsBody, followupBody, followupView, gradeBody, openRoundBody, outcomeBody, roundListView, roundView, settingsView as appraisalSettingsView,
} from '../../src/modules/appraisal/contracts.js';
export type AppraisalRound = z.infer<typeof roundView>;
export type AppraisalEntry = AppraisalRound['entries'][number];
export type AppraisalFollowup = z.infer<typeof followupView>;
export type AppraisalRoundList = z.infer<typeof roundListView>;
export type AppraisalRoundItem = AppraisalRoundList['items'][number];
export type AppraisalSettings = z.infer<typeof appraisalSettingsView>;
export type AppraisalOpenBody = z.input<typeof openRoundBody>;
export type AppraisalEvaluationsBody = z.input<typeof evaluationsBody>;
export type AppraisalGradeBody = z.input<typeof gradeBody>;
export type AppraisalFollowupBody = z.input<typeof followupBody>;
export type AppraisalOutcomeBody = z.input<typeof outcomeBody>;

// points: the county's catalogue, claims, a member's ledger, a branch's ranking, star ratings
import type {
  entryBody, entryPage, entryView, ledgerView, rankingView, ratingBody, ratingList, ratingView, settingsBody as pointsSettingsBody, settingsView as pointsSettingsView,
} from '../../src/modules/points/contracts.js';
export type PointsSettings = z.infer<typeof pointsSettingsView>;
export type PointsSettingsBody = z.input<typeof pointsSettingsBody>;
export type PointItem = PointsSettings['items'][number];
export type PointEntry = z.infer<typeof entryView>;
export type PointEntryPage = z.infer<typeof entryPage>;
export type PointEntryBody = z.input<typeof entryBody>;
export type PointsLedger = z.infer<typeof ledgerView>;
export type PointsRanking = z.infer<typeof rankingView>;
export type StarRatingList = z.infer<typeof ratingList>;
export type StarRatingSubject = StarRatingList['items'][number];
export type StarRating = z.infer<typeof ratingView>;
export type StarRatingBody = z.input<typeof ratingBody>;

// meetings: attachments and the record book; participation in organizational life
import type { attachmentView } from '../../src/modules/meetings/contracts.js';
import type { flaggedView, participationView } from '../../src/modules/participation/contracts.js';
export type AttachmentView = z.infer<typeof attachmentView>;
export type ParticipationView = z.infer<typeof participationView>;
export type FlaggedView = z.infer<typeof flaggedView>;

// concerns: the handler's inbox and a concern's detail; the public form and tracking page
import type {
  concernDetail, concernSummary, inboxView, onBehalfBody, settingsView as concernSettingsView, trackingView, villageView,
} from '../../src/modules/concerns/contracts.js';
export type ConcernSettings = z.infer<typeof concernSettingsView>;
export type ConcernSummary = z.infer<typeof concernSummary>;
export type ConcernInbox = z.infer<typeof inboxView>;
export type ConcernDetail = z.infer<typeof concernDetail>;
export type ConcernAction = keyof ConcernDetail['can'];
export type OnBehalfBody = z.input<typeof onBehalfBody>;
export type VillageView = z.infer<typeof villageView>;
export type TrackingView = z.infer<typeof trackingView>;

// concerns: statistics and the monthly digest
import type { digestView, statisticsView } from '../../src/modules/concerns/contracts.js';
export type ConcernStatisticsView = z.infer<typeof statisticsView>;
export type ConcernDigestView = z.infer<typeof digestView>;

// diaries and pairing: visit diaries found by any two characters; cadres paired with households, quotas, contacts
import type { diaryBody, diaryDetail, diaryPage, diaryPatch, segment } from '../../src/modules/diaries/contracts.js';
import type {
  contactBody, endPairingBody, pairingBody, pairingCompliance, pairingDetail, pairingPage, pairingSettingsView, quotasView,
} from '../../src/modules/pairing/contracts.js';
export type DiaryPage = z.infer<typeof diaryPage>;
export type DiaryDetail = z.infer<typeof diaryDetail>;
export type DiaryBody = z.input<typeof diaryBody>;
export type DiaryPatchBody = z.input<typeof diaryPatch>;
export type DiarySegment = z.infer<typeof segment>;
export type PairingSettingsView = z.infer<typeof pairingSettingsView>;
export type PairingPage = z.infer<typeof pairingPage>;
export type PairingItem = PairingPage['items'][number];
export type PairingDetail = z.infer<typeof pairingDetail>;
export type PairingBody = z.input<typeof pairingBody>;
export type PairingEndBody = z.input<typeof endPairingBody>;
export type PairingContactBody = z.input<typeof contactBody>;
export type PairingQuotas = z.infer<typeof quotasView>;
export type PairingCompliance = z.infer<typeof pairingCompliance>;

// contracting: township teams, visits, the visit quota and the board
import type {
  boardView, complianceView as contractingComplianceView, settingsBody as contractingSettingsBody,
  settingsView as contractingSettingsView, teamBody, teamPatch, teamsView, teamView, visitBody, visitDetail, visitOptions, visitPage, visitPatch,
} from '../../src/modules/contracting/contracts.js';
export type ContractingSettingsView = z.infer<typeof contractingSettingsView>;
export type ContractingSettingsBody = z.input<typeof contractingSettingsBody>;
export type ContractingTeams = z.infer<typeof teamsView>;
export type ContractingTeam = z.infer<typeof teamView>;
export type ContractingTeamBody = z.input<typeof teamBody>;
export type ContractingTeamPatch = z.input<typeof teamPatch>;
export type ContractingBoard = z.infer<typeof boardView>;
export type ContractingCompliance = z.infer<typeof contractingComplianceView>;
export type VisitOptions = z.infer<typeof visitOptions>;
export type VisitBody = z.input<typeof visitBody>;
export type VisitPatchBody = z.input<typeof visitPatch>;
export type VisitDetail = z.infer<typeof visitDetail>;
export type VisitPage = z.infer<typeof visitPage>;
export type VisitItem = VisitPage['items'][number];
// issue 5 part A: the work calendar and households
import type {
  calendarDayInput, calendarImportReport, calendarYearsView, calendarYearView,
} from '../../src/platform/calendar/contracts.js';
import type {
  householdChoices, householdCreate, householdDetail, householdImportReport, householdListQuery, householdMemberInput, householdPage, householdPatch, householdSettingsView,
} from '../../src/modules/households/contracts.js';
export type CalendarYear = z.infer<typeof calendarYearView>;
export type CalendarYears = z.infer<typeof calendarYearsView>;
export type CalendarDayInput = z.input<typeof calendarDayInput>;
export type CalendarImportReport = z.infer<typeof calendarImportReport>;
export type HouseholdSettings = z.infer<typeof householdSettingsView>;
export type HouseholdListQuery = z.input<typeof householdListQuery>;
export type HouseholdPage = z.infer<typeof householdPage>;
export type HouseholdItem = HouseholdPage['items'][number];
export type HouseholdDetail = z.infer<typeof householdDetail>;
export type HouseholdCreateBody = z.input<typeof householdCreate>;
export type HouseholdPatchBody = z.input<typeof householdPatch>;
export type HouseholdMemberBody = z.input<typeof householdMemberInput>;
export type HouseholdImportReport = z.infer<typeof householdImportReport>;
export type HouseholdChoices = z.infer<typeof householdChoices>;
// issue 5 second session, part A: concern cards and the public address their QR codes lead to
import type { cardSettingsBody, cardSettingsView } from '../../src/modules/concern-cards/contracts.js';
export type CardSettings = z.infer<typeof cardSettingsView>;
export type CardSettingsBody = z.input<typeof cardSettingsBody>;

// petitions: the register, a petition's procedure, registering one
import type { accusedChoicesView, actionBodies as petitionActionBodies, listView as petitionListView, petitionDetail, registerBody as petitionRegisterBody } from '../../src/modules/petitions/contracts.js';
export type PetitionList = z.infer<typeof petitionListView>;
export type PetitionSummary = PetitionList['items'][number];
export type PetitionDetail = z.infer<typeof petitionDetail>;
export type PetitionAction = keyof PetitionDetail['can'];
export type PetitionRegisterBody = z.input<typeof petitionRegisterBody>;
export type PetitionActionBody<A extends PetitionAction> = z.input<(typeof petitionActionBodies)[A]>;
export type AccusedChoices = z.infer<typeof accusedChoicesView>;


// assessments: responsibility letters (责任书), the county's schemes, rounds of assessment and their results
import type {
  createLetterBody as assessmentLetterCreateBody, editLetterBody as assessmentLetterEditBody, letterListView as assessmentLetterListView,
  letterView as assessmentLetterView, openRoundBody as assessmentOpenBody, resultsBody as assessmentResultsBody, roundListView as assessmentRoundListView,
  roundView as assessmentRoundView, scoresBody as assessmentScoresBody, settingsView as assessmentSettingsView,
} from '../../src/modules/assessments/contracts.js';
export type AssessmentLetterList = z.infer<typeof assessmentLetterListView>;
export type AssessmentLetterSummary = AssessmentLetterList['items'][number];
export type AssessmentLetter = z.infer<typeof assessmentLetterView>;
export type AssessmentLetterCreateBody = z.input<typeof assessmentLetterCreateBody>;
export type AssessmentLetterEditBody = z.input<typeof assessmentLetterEditBody>;
export type AssessmentScoresBody = z.input<typeof assessmentScoresBody>;
export type AssessmentRoundList = z.infer<typeof assessmentRoundListView>;
export type AssessmentRoundSummary = AssessmentRoundList['items'][number];
export type AssessmentRound = z.infer<typeof assessmentRoundView>;
export type AssessmentResult = AssessmentRound['resultsList'][number];
export type AssessmentOpenBody = z.input<typeof assessmentOpenBody>;
export type AssessmentResultsBody = z.input<typeof assessmentResultsBody>;
export type AssessmentSettingsView = z.infer<typeof assessmentSettingsView>;

// screening: criteria, rounds, the grid of organizations × criteria, findings and definitions
import type {
  definitionBody as screeningDefinitionBody, findingBody as screeningFindingBody, findingResult as screeningFindingResult, findingView as screeningFindingView,
  gridView as screeningGridView, openRoundBody as screeningOpenBody, orgFindingsView as screeningOrgFindingsView, proposalsResult as screeningProposalsResult,
  roundListView as screeningRoundListView, settingsView as screeningSettingsView,
} from '../../src/modules/rectification/screening/contracts.js';
export type ScreeningSettings = z.infer<typeof screeningSettingsView>;
export type ScreeningCriterion = ScreeningSettings['criteria'][number];
export type ScreeningRoundList = z.infer<typeof screeningRoundListView>;
export type ScreeningRound = ScreeningRoundList['items'][number];
export type ScreeningOpenBody = z.input<typeof screeningOpenBody>;
export type ScreeningGrid = z.infer<typeof screeningGridView>;
export type ScreeningGridRow = ScreeningGrid['townships'][number]['rows'][number];
export type ScreeningFinding = z.infer<typeof screeningFindingView>;
export type ScreeningFindingBody = z.input<typeof screeningFindingBody>;
export type ScreeningFindingResult = z.infer<typeof screeningFindingResult>;
export type ScreeningOrgFindings = z.infer<typeof screeningOrgFindingsView>;
export type ScreeningProposals = z.infer<typeof screeningProposalsResult>;
export type ScreeningDefinitionBody = z.input<typeof screeningDefinitionBody>;

// rectification ledger: the board, one case, accountability, the year's summary, the county's settings
import type {
  acceptanceBody as rectificationAcceptanceBody, accountabilityView as rectificationAccountabilityView, boardView as rectificationBoardView,
  caseView as rectificationCaseView, groupBody as rectificationGroupBody, planBody as rectificationPlanBody, summaryView as rectificationSummaryView,
  settingsView as rectificationSettingsView,
} from '../../src/modules/rectification/cases/contracts.js';
export type RectificationBoard = z.infer<typeof rectificationBoardView>;
export type RectificationCaseSummary = RectificationBoard['cases'][number];
export type RectificationCase = z.infer<typeof rectificationCaseView>;
export type RectificationAction = RectificationCase['can']['close'];
export type RectificationAccountability = z.infer<typeof rectificationAccountabilityView>;
export type RectificationSummary = z.infer<typeof rectificationSummaryView>;
export type RectificationPlanBody = z.input<typeof rectificationPlanBody>;
export type RectificationGroupBody = z.input<typeof rectificationGroupBody>;
export type RectificationAcceptanceBody = z.input<typeof rectificationAcceptanceBody>;
export type RectificationSettings = z.infer<typeof rectificationSettingsView>;

// commitments: a branch's commitments by maker, one commitment, the completion board, the county's settings, the public list
import type {
  appraisalBody as commitmentAppraisalBody, boardView as commitmentBoardView, commitmentBody, commitmentView, editBody as commitmentEditBody,
  listView as commitmentListView, publicCommitments as publicCommitmentsView, settingsView as commitmentSettingsView, updateBody as commitmentUpdateBody,
} from '../../src/modules/commitments/contracts.js';
export type CommitmentSettings = z.infer<typeof commitmentSettingsView>;
export type CommitmentList = z.infer<typeof commitmentListView>;
export type CommitmentGroup = CommitmentList['groups'][number];
export type Commitment = z.infer<typeof commitmentView>;
export type CommitmentPermission = Commitment['can']['edit'];
export type CommitmentItem = Commitment['items'][number];
export type CommitmentBody = z.input<typeof commitmentBody>;
export type CommitmentEditBody = z.input<typeof commitmentEditBody>;
export type CommitmentUpdateBody = z.input<typeof commitmentUpdateBody>;
export type CommitmentAppraisalBody = z.input<typeof commitmentAppraisalBody>;
export type CommitmentBoard = z.infer<typeof commitmentBoardView>;
export type PublicCommitments = z.infer<typeof publicCommitmentsView>;
