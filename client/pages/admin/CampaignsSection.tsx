// Admin: yearly campaigns, list and creation.
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { CampaignStatusBadge } from '../../components/CampaignStatusBadge';
import { ErrorAlert, LoadError, Loading, SuccessStatus } from '../../components/Messages';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { networkPagePath } from '../network/paths';
import { useResource, type Resource } from '../../useResource';
import type { Campaign, QuestionnaireSummary } from '../../../reports/contract/resources';
import { useAction } from '../../useAction';

/** Date input (local day) to ISO: start of the day for an opening, end of the day for a closing. */
function dayToIso(day: string, endOfDay: boolean): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T${endOfDay ? '23:59:59' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function CampaignCreateForm({
  questionnaires,
  onCreated,
}: {
  questionnaires: QuestionnaireSummary[];
  onCreated: (campaign: Campaign) => void;
}) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [chosenQuestionnaire, setQuestionnaireId] = useState('');
  // The newest version is the usual choice for a new campaign.
  const questionnaireId = chosenQuestionnaire || (questionnaires.at(-1)?.id ?? '');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const { pending, error, setError, run } = useAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const opensAt = dayToIso(opensOn, false);
    const closesAt = dayToIso(closesOn, true);
    if (opensAt && closesAt && opensAt > closesAt) {
      setError('La date de clôture doit suivre la date d’ouverture.');
      return;
    }
    await run(async () => {
      const body: Record<string, unknown> = { year: Number(year), questionnaireId };
      if (opensAt) body.opensAt = opensAt;
      if (closesAt) body.closesAt = closesAt;
      const campaign = await api.post<Campaign>('/api/campaigns', body);
      setOpensOn('');
      setClosesOn('');
      onCreated(campaign);
    });
  }

  return (
    <form className="card form" onSubmit={handleSubmit} aria-labelledby="campaign-create-title">
      <h3 id="campaign-create-title">Créer une campagne</h3>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <div className="field-row">
        <div className="field">
          <label htmlFor="campaign-year">Année</label>
          <input
            id="campaign-year"
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            required
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="campaign-questionnaire">Questionnaire</label>
          <select
            id="campaign-questionnaire"
            required
            value={questionnaireId}
            onChange={(e) => setQuestionnaireId(e.target.value)}
          >
            <option value="">— Choisir un questionnaire —</option>
            {questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="campaign-opens">Date d’ouverture (facultatif)</label>
          <input id="campaign-opens" type="date" value={opensOn} onChange={(e) => setOpensOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="campaign-closes">Date de clôture (facultatif)</label>
          <input id="campaign-closes" type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
        </div>
      </div>
      <button type="submit" disabled={pending}>
        Créer la campagne
      </button>
    </form>
  );
}

/** `questionnaires` is shared with the questionnaires section, so an imported version is offered at once. */
export function CampaignsSection({ questionnaires }: { questionnaires: Resource<{ questionnaires: QuestionnaireSummary[] }> }) {
  const campaigns = useResource<{ campaigns: Campaign[] }>('/api/campaigns');
  const [message, setMessage] = useState<string | null>(null);
  const list = [...(campaigns.data?.campaigns ?? [])].sort((a, b) => b.year - a.year);
  const questionnaireList = questionnaires.data?.questionnaires ?? [];
  const questionnaireTitle = (id: string) => questionnaireList.find((q) => q.id === id)?.title ?? id;

  return (
    <section aria-labelledby="campagnes" className="section" data-testid="campaigns-section">
      <h2 id="campagnes">Campagnes</h2>
      {message && <SuccessStatus>{message}</SuccessStatus>}
      {campaigns.error && <LoadError error={campaigns.error} onRetry={() => void campaigns.reload()} />}
      {questionnaires.error && <LoadError error={questionnaires.error} onRetry={() => void questionnaires.reload()} />}
      {campaigns.loading && !campaigns.data && <Loading />}
      {campaigns.data && list.length === 0 && <p>Aucune campagne pour l’instant.</p>}
      {list.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Liste des campagnes" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Année</th>
                <th scope="col">Questionnaire</th>
                <th scope="col">Ouverture</th>
                <th scope="col">Clôture</th>
                <th scope="col">Statut</th>
                <th scope="col">Résultats</th>
              </tr>
            </thead>
            <tbody>
              {list.map((campaign) => (
                <tr key={campaign.id} data-testid={`campaign-${campaign.id}`}>
                  <th scope="row">{campaign.year}</th>
                  <td>{questionnaireTitle(campaign.questionnaireId)}</td>
                  <td>{formatDate(campaign.opensAt) || '—'}</td>
                  <td>{formatDate(campaign.closesAt) || '—'}</td>
                  <td>
                    <CampaignStatusBadge status={campaign.status} />
                  </td>
                  <td>
                    <Link to={networkPagePath(campaign.id)}>
                      Résultats du réseau<span className="visually-hidden"> {campaign.year}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CampaignCreateForm
        questionnaires={questionnaireList}
        onCreated={(campaign) => {
          campaigns.setData({ campaigns: [...(campaigns.data?.campaigns ?? []), campaign] });
          setMessage(`Campagne ${campaign.year} créée.`);
        }}
      />
    </section>
  );
}
