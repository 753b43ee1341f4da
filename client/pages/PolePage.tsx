// /poles/:poleId: the pole and its campaigns.
import { canSeePole, RequireStaff } from '../components/RequireStaff';
import { CampaignStatusBadge } from '../components/CampaignStatusBadge';
import { LoadError, Loading } from '../components/Messages';
import { StaffLayout } from '../components/StaffLayout';
import { formatDate } from '../format';
import { Link } from '../router';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import type { Campaign, Pole, User } from '../../reports/contract/resources';
import { resultsPagePath } from './results/paths';

export function poleCampaignPath(poleId: string, campaignId: string): string {
  return `/poles/${encodeURIComponent(poleId)}/campagnes/${encodeURIComponent(campaignId)}`;
}

function campaignPeriod(campaign: Campaign): string {
  const opens = formatDate(campaign.opensAt);
  const closes = formatDate(campaign.closesAt);
  if (opens && closes) return `du ${opens} au ${closes}`;
  if (opens) return `à partir du ${opens}`;
  if (closes) return `jusqu’au ${closes}`;
  return 'sans dates fixées';
}

function PoleContent({ poleId, user }: { poleId: string; user: User }) {
  const pole = useResource<Pole>(`/api/poles/${encodeURIComponent(poleId)}`);
  const campaigns = useResource<{ campaigns: Campaign[] }>('/api/campaigns');
  usePageTitle(pole.data?.name ?? 'Pôle');
  const list = [...(campaigns.data?.campaigns ?? [])].sort((a, b) => b.year - a.year);

  return (
    <>
      {user.role === 'admin' && (
        <p className="breadcrumb">
          <Link to="/admin">← Administration</Link>
        </p>
      )}
      {pole.error ? (
        <>
          <h1>Pôle</h1>
          <LoadError error={pole.error} onRetry={() => void pole.reload()} />
        </>
      ) : (
        <h1 data-testid="pole-name">{pole.data?.name ?? 'Pôle'}</h1>
      )}
      {pole.data && (pole.data.region || pole.data.departement) && (
        <p className="lead">{[pole.data.region, pole.data.departement].filter(Boolean).join(' · ')}</p>
      )}
      <section aria-labelledby="campagnes-pole" className="section">
        <h2 id="campagnes-pole">Campagnes d’auto-évaluation</h2>
        {campaigns.error && <LoadError error={campaigns.error} onRetry={() => void campaigns.reload()} />}
        {campaigns.loading && !campaigns.data && <Loading />}
        {campaigns.data && list.length === 0 && <p>Aucune campagne n’a encore été créée.</p>}
        {list.length > 0 && (
          <ul className="card-list" data-testid="pole-campaigns">
            {list.map((campaign) => (
              <li key={campaign.id} className="card">
                <h3>
                  <Link to={poleCampaignPath(poleId, campaign.id)} className="tap-target">Campagne {campaign.year}</Link>
                </h3>
                <p>
                  <CampaignStatusBadge status={campaign.status} /> <span>{campaignPeriod(campaign)}</span>
                </p>
                <p>
                  <Link to={resultsPagePath(poleId, campaign.id)} className="tap-target">
                    Résultats et rapport<span className="visually-hidden"> de la campagne {campaign.year}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function PolePage({ poleId }: { poleId: string }) {
  return (
    <StaffLayout>
      <RequireStaff allow={canSeePole(poleId)}>{(user) => <PoleContent poleId={poleId} user={user} />}</RequireStaff>
    </StaffLayout>
  );
}
