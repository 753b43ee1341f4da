// Invitation links for the respondent route, made as an administrator would: through the HTTP API.
import type { RunningServer } from '../../server/serve.ts';

/** An open campaign of `questionnaireId` for this year, a pole, and `count` individual links (their tokens). */
export async function invitationLinks(server: Pick<RunningServer, 'url'>, admin: { email: string; password: string }, questionnaireId: string, count: number): Promise<string[]> {
  const login = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  if (login.status !== 204) throw new Error(`Connexion de l’administrateur refusée (${login.status}) : ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = (await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`POST ${path} : ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const pole = await post<{ id: string }>('/api/poles', { name: 'Pôle de mesure' });
  const campaign = await post<{ id: string }>('/api/campaigns', { year: new Date().getFullYear(), questionnaireId });
  const { invitations } = await post<{ invitations: { token: string }[] }>(`/api/poles/${pole.id}/campaigns/${campaign.id}/invitations`, { count });
  return invitations.map((i) => i.token);
}
