// Common set-ups: a pole with its coordinator and an open 2026 campaign; complete valid answers.
import type { Harness, Client } from './harness.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';

export async function poleWithCampaign(h: Harness, campaign: Record<string, unknown> = { year: 2026, questionnaireId: 'ptce-2026', opensAt: '2026-02-01', closesAt: '2026-06-30' }) {
  const admin = await h.admin();
  const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle des Coteaux', region: 'Nouvelle-Aquitaine' })).body;
  const created = await admin.json('POST', '/api/campaigns', campaign);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const coordinator = await h.coordinator(pole.id);
  return { admin, coordinator, pole, campaign: created.body, base: `/api/poles/${pole.id}/campaigns/${created.body.id}` };
}

export async function createLinks(coordinator: Client, base: string, body: Record<string, unknown>) {
  const res = await coordinator.json('POST', `${base}/invitations`, body);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.invitations as { token: string; url: string; id: string }[];
}

/** Answers to every question of ptce-2026 (loosely typed: tests reach into them to spoil one answer). */
export function completeAnswers(h: Harness, college: string, seed = 7): Record<string, any> {
  return sampleAnswers(h.deps.questionnaires.get('ptce-2026')!, seededRandom(seed), { college, complete: true });
}
