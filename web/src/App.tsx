import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setUnauthorizedHandler } from './api.js';
import { AppLayout } from './components/AppLayout.js';
import { PageLoading } from './components/PageLoading.js';
import { useI18n } from './i18n/I18nProvider.js';
import { useSession } from './session.js';

const LoginPage = lazy(() => import('./pages/LoginPage.js'));
const HomePage = lazy(() => import('./pages/HomePage.js'));
const OrganizationsPage = lazy(() => import('./pages/OrganizationsPage.js'));
const AuditPage = lazy(() => import('./pages/AuditPage.js'));
const AccountPage = lazy(() => import('./pages/AccountPage.js'));
const UsersPage = lazy(() => import('./pages/UsersPage.js'));
const MembersPage = lazy(() => import('./pages/MembersPage.js'));
const MemberPage = lazy(() => import('./pages/MemberPage.js'));
const ParticipationPage = lazy(() => import('./pages/ParticipationPage.js'));
const MemberImportPage = lazy(() => import('./pages/MemberImportPage.js'));
const StatisticsPage = lazy(() => import('./pages/StatisticsPage.js'));
const TransfersPage = lazy(() => import('./pages/TransfersPage.js'));
const CompliancePage = lazy(() => import('./pages/CompliancePage.js'));
const MeetingsPage = lazy(() => import('./pages/MeetingsPage.js'));
const MeetingPage = lazy(() => import('./pages/MeetingPage.js'));
const DuesPage = lazy(() => import('./pages/DuesPage.js'));
const PointsPage = lazy(() => import('./pages/PointsPage.js'));
const AppraisalPage = lazy(() => import('./pages/AppraisalPage.js'));
const CommitmentsPage = lazy(() => import('./pages/CommitmentsPage.js'));
const AssessmentsPage = lazy(() => import('./pages/AssessmentsPage.js'));
const ScreeningPage = lazy(() => import('./pages/ScreeningPage.js'));
const RectificationPage = lazy(() => import('./pages/RectificationPage.js'));
const ContractingPage = lazy(() => import('./pages/ContractingPage.js'));
const ConcernsPage = lazy(() => import('./pages/ConcernsPage.js'));
// The public concern pages: no sign-in, outside the layout.
const PublicConcernPage = lazy(() => import('./pages/PublicConcernPage.js'));
const PublicTrackingPage = lazy(() => import('./pages/PublicTrackingPage.js'));
const DiariesPage = lazy(() => import('./pages/DiariesPage.js'));
const PairingPage = lazy(() => import('./pages/PairingPage.js'));
const HouseholdsPage = lazy(() => import('./pages/HouseholdsPage.js'));
const CalendarPage = lazy(() => import('./pages/CalendarPage.js'));
const PetitionsPage = lazy(() => import('./pages/PetitionsPage.js'));
const ForbiddenPage = lazy(() => import('./pages/ForbiddenPage.js'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.js'));

export function App() {
  useUnauthorizedRedirect();
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/v/:orgCode" element={<PublicConcernPage />} />
        <Route path="/t/:trackingCode" element={<PublicTrackingPage />} />
        <Route element={<RequireSignIn />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="organizations" element={<OrganizationsPage />} />
            <Route path="organizations/:code" element={<OrganizationsPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="members/import" element={<MemberImportPage />} />
            <Route path="members/:id" element={<MemberPage />} />
            <Route path="statistics" element={<StatisticsPage />} />
            <Route path="transfers" element={<TransfersPage />} />
            <Route path="compliance" element={<CompliancePage />} />
            <Route path="meetings" element={<MeetingsPage />} />
            <Route path="meetings/:id" element={<MeetingPage />} />
            <Route path="dues" element={<DuesPage />} />
            <Route path="points" element={<PointsPage />} />
            <Route path="appraisal" element={<AppraisalPage />} />
            <Route path="commitments" element={<CommitmentsPage />} />
            <Route path="assessments" element={<AssessmentsPage />} />
            <Route path="screening" element={<ScreeningPage />} />
            <Route path="rectification" element={<RectificationPage />} />
            <Route path="contracting" element={<ContractingPage />} />
            <Route path="participation" element={<ParticipationPage />} />
            <Route path="concerns" element={<ConcernsPage />} />
            <Route path="diaries" element={<DiariesPage />} />
            <Route path="pairing" element={<PairingPage />} />
            <Route path="households" element={<HouseholdsPage />} />
            <Route path="calendar" element={<CalendarPage />} />
            <Route path="petitions" element={<PetitionsPage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="403" element={<ForbiddenPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

export function loginPath(target: string): string {
  return target && target !== '/' ? `/login?next=${encodeURIComponent(target)}` : '/login';
}

function RequireSignIn() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}

/** A 401 from any call means the session ended: back to sign-in, keeping where the user was. */
function useUnauthorizedRedirect() {
  const navigate = useNavigate();
  const { forget } = useSession();
  const { t } = useI18n();
  useEffect(() => {
    setUnauthorizedHandler((target) => {
      forget();
      navigate(loginPath(target), { replace: true, state: { notice: t('common.sessionExpired') } });
    });
  }, [navigate, forget, t]);
}
