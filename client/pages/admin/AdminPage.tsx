// /admin: poles, coordinators, campaigns, questionnaire versions.
import { StaffLayout } from '../../components/StaffLayout';
import { isAdmin, RequireStaff } from '../../components/RequireStaff';
import { useResource } from '../../useResource';
import { usePageTitle } from '../../usePageTitle';
import type { Pole, QuestionnaireSummary } from '../../types';
import { PolesSection } from './PolesSection';
import { CoordinatorsSection } from './CoordinatorsSection';
import { CampaignsSection } from './CampaignsSection';
import { QuestionnairesSection } from './QuestionnairesSection';

function AdminContent() {
  const poles = useResource<{ poles: Pole[] }>('/api/poles');
  const questionnaires = useResource<{ questionnaires: QuestionnaireSummary[] }>('/api/questionnaires');
  return (
    <>
      <h1>Administration</h1>
      <nav aria-label="Sections de l’administration" className="section-nav">
        <ul>
          <li>
            <a href="#poles">Pôles</a>
          </li>
          <li>
            <a href="#coordinateurs">Coordinateurs</a>
          </li>
          <li>
            <a href="#campagnes">Campagnes</a>
          </li>
          <li>
            <a href="#questionnaires">Questionnaires</a>
          </li>
        </ul>
      </nav>
      <PolesSection resource={poles} />
      <CoordinatorsSection poles={poles.data?.poles ?? []} />
      <CampaignsSection questionnaires={questionnaires} />
      <QuestionnairesSection questionnaires={questionnaires} />
    </>
  );
}

export function AdminPage() {
  usePageTitle('Administration');
  return (
    <StaffLayout>
      <RequireStaff allow={isAdmin}>{() => <AdminContent />}</RequireStaff>
    </StaffLayout>
  );
}
