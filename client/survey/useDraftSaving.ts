// Draft saving of a respondent's answers: PUT on every page change, debounced PUT on value change,
// a last keepalive PUT when the tab is hidden. One request at a time; a change during a save queues another.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import { api, ApiError } from '../api';

const DEBOUNCE_MS = 1500;

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface DraftSaving {
  status: DraftStatus;
  savedAt: Date | null;
  /** Last refusal when status is 'error' (status 0 = network). */
  error: ApiError | null;
  /** Saves now (cancels the pending debounce). */
  saveNow: () => Promise<void>;
  /** Stops saving (during and after submission). */
  pause: () => void;
  resume: () => void;
}

/** Called when the server refuses any further draft (already submitted, campaign closed...). */
export type FinalRefusal = (error: ApiError) => boolean;

export function useDraftSaving(model: Model, token: string, onRefused: FinalRefusal): DraftSaving {
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const state = useRef({ timer: 0, inFlight: false, again: false, dirty: false, paused: false });
  const refusedRef = useRef(onRefused);
  refusedRef.current = onRefused;

  const save = useCallback(
    async (keepalive = false): Promise<void> => {
      const s = state.current;
      window.clearTimeout(s.timer);
      if (s.paused) return;
      if (s.inFlight) {
        s.again = true;
        return;
      }
      s.inFlight = true;
      s.dirty = false;
      setStatus('saving');
      try {
        const result = await api.put<{ status: string; savedAt?: string }>(
          `/api/responses/${encodeURIComponent(token)}`,
          { data: model.data, pageNo: model.currentPageNo },
          { auth: false, keepalive },
        );
        const at = result?.savedAt ? new Date(result.savedAt) : new Date();
        setSavedAt(Number.isNaN(at.getTime()) ? new Date() : at);
        setError(null);
        setStatus('saved');
      } catch (caught) {
        s.dirty = true;
        const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', 'Erreur inattendue.');
        if (refusedRef.current(apiError)) {
          s.paused = true;
        } else {
          setError(apiError);
          setStatus('error');
        }
      } finally {
        s.inFlight = false;
        if (s.again && !s.paused) {
          s.again = false;
          void save();
        }
      }
    },
    [model, token],
  );

  useEffect(() => {
    const s = state.current;
    const onValueChanged = () => {
      s.dirty = true;
      window.clearTimeout(s.timer);
      s.timer = window.setTimeout(() => void save(), DEBOUNCE_MS);
    };
    const onPageChanged = () => void save();
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && s.dirty && !s.paused) void save(true);
    };
    model.onValueChanged.add(onValueChanged);
    model.onCurrentPageChanged.add(onPageChanged);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onHidden);
    return () => {
      window.clearTimeout(s.timer);
      model.onValueChanged.remove(onValueChanged);
      model.onCurrentPageChanged.remove(onPageChanged);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onHidden);
    };
  }, [model, save]);

  const pause = useCallback(() => {
    window.clearTimeout(state.current.timer);
    state.current.paused = true;
  }, []);
  const resume = useCallback(() => {
    state.current.paused = false;
  }, []);
  const saveNow = useCallback(() => save(), [save]);

  return { status, savedAt, error, saveNow, pause, resume };
}
