// Loads a GET endpoint into component state, with reload().
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';

export interface Resource<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

export function useResource<T>(path: string | null): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const latestPath = useRef(path);
  latestPath.current = path;

  const reload = useCallback(async () => {
    if (path === null) return;
    setLoading(true);
    try {
      const result = await api.get<T>(path);
      if (latestPath.current !== path) return;
      setData(result);
      setError(null);
    } catch (e) {
      if (latestPath.current !== path) return;
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', 'Erreur inattendue.'));
    } finally {
      if (latestPath.current === path) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    setData(null);
    setError(null);
    void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}
