// /poles/:poleId/campagnes/:campaignId/qr: printable A4 sheet, one card per invitation link.
import { useEffect, useState } from 'react';
import { collegeLabel } from '../../college';
import { LoadError, Loading } from '../../components/Messages';
import { canSeePole, RequireStaff } from '../../components/RequireStaff';
import { StaffLayout } from '../../components/StaffLayout';
import { Link } from '../../router';
import { useResource } from '../../useResource';
import { usePageTitle } from '../../usePageTitle';
import type { Invitation } from '../../../reports/contract/resources';
import { campaignApiPath, campaignPagePath } from './CampaignPage';
import { useCampaignContext } from './useCampaignContext';

function useQrCodes(urls: string[]): Record<string, string> {
  const [codes, setCodes] = useState<Record<string, string>>({});
  const key = urls.join('\n');
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { toDataURL } = await import('qrcode');
      const result: Record<string, string> = {};
      for (const url of urls) {
        result[url] = await toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
      }
      if (!cancelled) setCodes(result);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [key]);
  return codes;
}

function QrSheetContent({ poleId, campaignId }: { poleId: string; campaignId: string }) {
  const context = useCampaignContext(poleId, campaignId);
  const invitations = useResource<{ invitations: Invitation[] }>(`${campaignApiPath(poleId, campaignId)}/invitations`);
  const [hideSubmitted, setHideSubmitted] = useState(false);
  usePageTitle('Feuille de QR codes');

  const all = invitations.data?.invitations ?? [];
  const shown = hideSubmitted ? all.filter((i) => i.shared || i.status !== 'submitted') : all;
  const codes = useQrCodes(shown.map((i) => i.url));
  const year = context.campaign?.year;
  const error = context.error ?? invitations.error;

  return (
    <>
      <div className="no-print">
        <p className="breadcrumb">
          <Link to={campaignPagePath(poleId, campaignId)}>← Retour à la campagne</Link>
        </p>
        <h1>Feuille de QR codes</h1>
        <p className="lead">
          {context.pole?.name ?? ''}
          {year ? ` – campagne ${year}` : ''}
        </p>
        <div className="actions">
          <button type="button" onClick={() => window.print()} disabled={shown.length === 0}>
            Imprimer
          </button>
          <div className="checkbox-field">
            <input
              id="qr-hide-submitted"
              type="checkbox"
              checked={hideSubmitted}
              onChange={(e) => setHideSubmitted(e.target.checked)}
            />
            <label htmlFor="qr-hide-submitted">Masquer les liens dont la réponse est déjà envoyée</label>
          </div>
        </div>
        {error && <LoadError error={error} onRetry={() => void invitations.reload()} />}
        {invitations.loading && !invitations.data && <Loading />}
        {invitations.data && shown.length === 0 && <p>Aucun lien à imprimer. Créez d’abord des liens d’invitation.</p>}
      </div>
      <ul className="qr-sheet" data-testid="qr-sheet" aria-label="Cartes d’invitation">
        {shown.map((invitation, index) => (
          <li key={invitation.id} className="qr-card" data-testid="qr-card">
            <p className="qr-pole">{context.pole?.name}</p>
            <p className="qr-campaign">Auto-évaluation {year ?? ''}</p>
            <p className="qr-college">
              Collège : {collegeLabel(context.colleges, invitation.college)}
              {invitation.shared ? ' · lien partagé' : ''}
            </p>
            {codes[invitation.url] ? (
              <img
                className="qr-image"
                src={codes[invitation.url]}
                alt={`QR code du lien n° ${index + 1}`}
                width={160}
                height={160}
              />
            ) : (
              <div className="qr-image qr-placeholder" aria-hidden="true" />
            )}
            <p className="qr-url">{invitation.url}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function QrSheetPage({ poleId, campaignId }: { poleId: string; campaignId: string }) {
  return (
    <StaffLayout>
      <RequireStaff allow={canSeePole(poleId)}>
        {() => <QrSheetContent poleId={poleId} campaignId={campaignId} />}
      </RequireStaff>
    </StaffLayout>
  );
}
