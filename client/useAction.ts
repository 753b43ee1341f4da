// A form's request in flight: `pending` while it runs (buttons disabled), then the error it met, in French.
import { useState } from 'react';
import { errorMessage } from './api';

export function useAction(describe: (error: unknown) => string = errorMessage) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describe(e));
    } finally {
      setPending(false);
    }
  }
  return { pending, error, setError, run };
}
