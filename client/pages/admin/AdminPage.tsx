// /admin: poles, coordinators, campaigns, questionnaire versions, audit trail.
import { StaffLayout } from '../../components/StaffLayout';
import { isAdmin, RequireStaff } from '../../components/RequireStaff';
import { useResource } from '../../useResource';
import { usePageTitle } from '../../usePageTitle';
import type { Pole, QuestionnaireSummary } from '../../../reports/contract/resources';
import { PolesSection } from './PolesSection';
import { CoordinatorsSection } from './CoordinatorsSection';
import { CampaignsSection } from './CampaignsSection';
import { QuestionnairesSection } from './QuestionnairesSection';
import { AuditSection } from './AuditSection';
import { SectionNav } from '../../components/SectionNav';

function AdminContent() {
  const poles = useResource<{ poles: Pole[] }>('/api/poles');
  const questionnaires = useResource<{ questionnaires: QuestionnaireSummary[] }>('/api/questionnaires');
  return (
    <>
      <h1>Administration</h1>
      <SectionNav label="Sections de l’administration" links={[['#poles', 'Pôles'], ['#coordinateurs', 'Coordinateurs'], ['#campagnes', 'Campagnes'], ['#questionnaires', 'Questionnaires'], ['#journal', 'Journal d’audit']]} />
      <PolesSection resource={poles} />
      <CoordinatorsSection poles={poles.data?.poles ?? []} />
      <CampaignsSection questionnaires={questionnaires} />
      <QuestionnairesSection questionnaires={questionnaires} />
      <AuditSection poles={poles.data?.poles ?? []} />
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
