import type { HttpModule } from '../platform/http/app-types.js';
import { calendarHttp } from '../platform/calendar/routes.js';
import type { TodoProvider } from '../platform/todo/todo.js';
import { accountsHttp } from './accounts/routes.js';
import { initialPassword } from './accounts/todo.js';
import { appraisalHttp } from './appraisal/routes.js';
import { appraisalTodos } from './appraisal/todo.js';
import { commitmentsHttp } from './commitments/routes.js';
import { commitmentTodos } from './commitments/todo.js';
import { assessmentsHttp } from './assessments/routes.js';
import { assessmentTodos } from './assessments/todo.js';
import { auditHttp } from './audit-log/routes.js';
import { complianceHttp } from './compliance/routes.js';
import { contractingHttp } from './contracting/routes.js';
import { contractingTodos } from './contracting/todo.js';
import { complianceTodos } from './compliance/todo.js';
import { diariesHttp } from './diaries/routes.js';
import { duesHttp } from './dues/routes.js';
import { duesTodos } from './dues/todo.js';
import { homeHttp } from './home/routes.js';
import { householdsHttp } from './households/routes.js';
import { admissionHttp } from './members/admission/routes.js';
import { admissionTodos, approvalTodos } from './members/admission/todo.js';
import { membersHttp } from './members/routes.js';
import { meetingsHttp } from './meetings/routes.js';
import { memberEditHttp } from './members/edit-routes.js';
import { membersImportHttp } from './members/import-routes.js';
import { statisticsHttp } from './members/statistics/routes.js';
import { transfersHttp } from './members/transfers/routes.js';
import { transferTodos } from './members/transfers/todo.js';
import { organizationsHttp } from './organizations/routes.js';
import { vacantSecretaries } from './organizations/todo.js';
import { pairingHttp } from './pairing/routes.js';
import { pairingTodos } from './pairing/todo.js';
import { participationHttp } from './participation/routes.js';
import { participationTodos } from './participation/todo.js';
import { pointsHttp } from './points/routes.js';
import { pointsTodos } from './points/todo.js';
import { concernsHttp } from './concerns/routes.js';
import { concernCardsHttp } from './concern-cards/routes.js';
import { concernsPublicHttp } from './concerns/public-routes.js';
import { concernTodos } from './concerns/todo.js';
import { petitionsHttp } from './petitions/routes.js';
import { petitionTodos } from './petitions/todo.js';
// rectification: the ledger (整顿台账)
import { rectificationHttp } from './rectification/routes.js';
import { rectificationTodos } from './rectification/todo.js';
import { screeningHttp } from './rectification/screening/routes.js';
import { screeningTodos } from './rectification/screening/todo.js';

/** Every capability's contribution to the to-do list. */
export const todoProviders: TodoProvider[] = [initialPassword, vacantSecretaries, transferTodos, admissionTodos, approvalTodos, complianceTodos, duesTodos, appraisalTodos, assessmentTodos, participationTodos, pointsTodos, pairingTodos, contractingTodos, concernTodos, petitionTodos, commitmentTodos, screeningTodos, rectificationTodos];

/** Every capability's routes: the one place a new module is plugged in. */
export const httpModules: HttpModule[] = [accountsHttp, organizationsHttp, homeHttp(todoProviders), auditHttp, statisticsHttp, membersHttp, membersImportHttp, transfersHttp, memberEditHttp, admissionHttp, complianceHttp, meetingsHttp, duesHttp, appraisalHttp, assessmentsHttp, participationHttp, pointsHttp, calendarHttp, householdsHttp, diariesHttp, pairingHttp, contractingHttp, concernsHttp, concernsPublicHttp, concernCardsHttp, petitionsHttp, commitmentsHttp, screeningHttp, rectificationHttp];
