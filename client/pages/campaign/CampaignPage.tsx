// /poles/:poleId/campagnes/:campaignId: participation, invitations, e-mail invitations, exports, pole profile.
import { lazy, Suspense, useState } from 'react';
import { CampaignStatusBadge } from '../../components/CampaignStatusBadge';
import { LoadError, Loading } from '../../components/Messages';
import { canSeePole, RequireStaff } from '../../components/RequireStaff';
import { StaffLayout } from '../../components/StaffLayout';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { resultsPagePath } from '../results/paths';
import { reviewPagePath } from '../review/paths';
import { ExportsSection } from './ExportsSection';
import { InvitationsSection } from './InvitationsSection';
import { MailingSection } from './MailingSection';
import { ParticipationSection } from './ParticipationSection';
import { useCampaignContext } from './useCampaignContext';
import { SectionNav } from '../../components/SectionNav';

const ProfileForm = lazy(() => import('../../survey/ProfileForm'));

export function campaignApiPath(poleId: string, campaignId: string): string {
  return `/api/poles/${encodeURIComponent(poleId)}/campaigns/${encodeURIComponent(campaignId)}`;
}

export function campaignPagePath(poleId: string, campaignId: string): string {
  return `/poles/${encodeURIComponent(poleId)}/campagnes/${encodeURIComponent(campaignId)}`;
}

function CampaignContent({ poleId, campaignId }: { poleId: string; campaignId: string }) {
  const context = useCampaignContext(poleId, campaignId);
  const [participationKey, setParticipationKey] = useState(0);
  const [invitationsKey, setInvitationsKey] = useState(0);
  const basePath = campaignApiPath(poleId, campaignId);
  const pagePath = campaignPagePath(poleId, campaignId);
  const title = context.campaign ? `Campagne ${context.campaign.year}` : 'Campagne';
  usePageTitle(context.pole ? `${title} – ${context.pole.name}` : title);

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/poles/${encodeURIComponent(poleId)}`}>← {context.pole?.name ?? 'Pôle'}</Link>
      </p>
      <h1>
        {title}
        {context.pole && <span className="subtitle"> – {context.pole.name}</span>}
      </h1>
      {context.campaign && (
        <p>
          Statut de la campagne : <CampaignStatusBadge status={context.campaign.status} />
        </p>
      )}
      {context.campaign && (
        <p className="results-link">
          <Link to={resultsPagePath(poleId, campaignId)} className="button-link" data-testid="results-link">
            Résultats et rapport
          </Link>{' '}
          <Link to={reviewPagePath(poleId, campaignId)} className="button-link" data-testid="review-link">
            Revue collective et plan d’action
          </Link>
        </p>
      )}
      {context.error && <LoadError error={context.error} onRetry={context.reload} />}
      {!context.campaign && !context.error && context.loading && <Loading />}
      {context.campaign && (
        <>
          <SectionNav label="Parties de la page" links={[['#participation-title', 'Participation'], ['#invitations-title', 'Invitations'], ['#mailing-title', 'Courriels'], ['#exports-title', 'Exports'], ['#profil-title', 'Profil du pôle']]} />
          <ParticipationSection basePath={basePath} refreshKey={participationKey} />
          <InvitationsSection
            basePath={basePath}
            pagePath={pagePath}
            colleges={context.colleges}
            refreshKey={invitationsKey}
            onCreated={() => setParticipationKey((k) => k + 1)}
          />
          <MailingSection
            basePath={basePath}
            colleges={context.colleges}
            closed={context.campaign.status === 'closed'}
            onInvited={() => {
              setParticipationKey((k) => k + 1);
              setInvitationsKey((k) => k + 1);
            }}
          />
          <ExportsSection basePath={basePath} />
          <section aria-labelledby="profil-title" className="section" data-testid="profile">
            <h2 id="profil-title">Profil du pôle</h2>
            <p className="hint">Informations sur le pôle pour cette campagne, remplies par le coordinateur.</p>
            <Suspense fallback={<Loading label="Chargement du formulaire…" />}>
              <ProfileForm profilePath={`${basePath}/profile`} />
            </Suspense>
          </section>
        </>
      )}
    </>
  );
}

export function CampaignPage({ poleId, campaignId }: { poleId: string; campaignId: string }) {
  return (
    <StaffLayout>
      <RequireStaff allow={canSeePole(poleId)}>
        {() => <CampaignContent poleId={poleId} campaignId={campaignId} />}
      </RequireStaff>
    </StaffLayout>
  );
}
