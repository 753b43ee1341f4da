// Shared feedback blocks: errors (role="alert"), success / status (role="status"), loading.
import type { ReactNode } from 'react';
import type { ApiError } from '../api';

export function ErrorAlert({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <div className="alert alert-error" role="alert" id={id}>
      {children}
    </div>
  );
}

export function SuccessStatus({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-success" role="status">
      {children}
    </p>
  );
}

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

/** Error of a failed load, with a retry button. */
export function LoadError({ error, onRetry }: { error: Pick<ApiError, 'message'>; onRetry?: () => void }) {
  return (
    <ErrorAlert>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Réessayer
        </button>
      )}
    </ErrorAlert>
  );
}
