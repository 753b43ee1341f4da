// Builds the client once before the browser tests (only when the build is missing or stale).
import { ensureClientBuild } from '../../server/client-build.ts';

export default async function setup() {
  await ensureClientBuild(() => console.log('Construction du client pour les tests navigateur…'));
}
