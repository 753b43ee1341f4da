// Draft saving of a respondent's answers: PUT on every page change, debounced PUT on value change,
// a last keepalive PUT when the tab is hidden. One request at a time; a change during a save queues another.
// When the server cannot be reached (down, network cut, 5xx), the answers are written to a copy kept on this device
// (localCopy.ts), and so is every change until the server has them again; the copy is then deleted. They are sent
// again (retry.ts) with growing delays, as soon as the browser is back online, at the next change, and when the page
// is opened again. While all goes well nothing is written to the device, except when the page is left with changes
// not yet acknowledged (the last keepalive save may not arrive).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import { api, ApiError } from '../api';
import type { LocalCopy } from './localCopy';
import { createRetry, isTransient } from './retry';

const DEBOUNCE_MS = 1500;

/** 'waiting': the server could not be reached (network, 5xx); the answers wait on this device and are re-sent. */
export type DraftStatus = 'idle' | 'saving' | 'saved' | 'error' | 'waiting';

export interface DraftSaving {
  status: DraftStatus;
  savedAt: Date | null;
  /** Last refusal when status is 'error' (a 4xx), or the last failure when 'waiting' (status 0 = network). */
  error: ApiError | null;
  /** Saves now (cancels the pending debounce). */
  saveNow: () => Promise<void>;
  /** Stops saving (during and after submission); changes are still kept on this device. */
  pause: () => void;
  resume: () => void;
  /** Writes the answers as they are to this device's copy, marked as a submission to send (or no longer). */
  keepLocally: (submit: boolean) => void;
}

/** Called when the server refuses any further draft (already submitted, campaign closed...). */
export type FinalRefusal = (error: ApiError) => boolean;

export function useDraftSaving(model: Model, token: string, onRefused: FinalRefusal, localCopy: LocalCopy, restored: boolean): DraftSaving {
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // rev counts the changes; the copy on this device goes once a save that included the latest change is acknowledged.
  const state = useRef({ timer: 0, inFlight: false, again: false, dirty: restored, paused: false, stopped: false, rev: 0, submit: false, waiting: false });
  const refusedRef = useRef(onRefused);
  refusedRef.current = onRefused;
  const saveRef = useRef<(keepalive?: boolean) => Promise<void>>(async () => {});
  const retry = useMemo(() => createRetry(() => void saveRef.current()), []);
  useEffect(() => retry.listen(), [retry]);

  const writeCopy = useCallback(() => {
    const s = state.current;
    if (!s.stopped) localCopy.write({ data: model.data, pageNo: model.currentPageNo, submit: s.submit }, s.rev);
  }, [localCopy, model]);
  const keepLocally = useCallback(
    (submit: boolean) => {
      state.current.submit = submit;
      writeCopy();
    },
    [writeCopy],
  );

  const save = useCallback(
    async (keepalive = false): Promise<void> => {
      const s = state.current;
      window.clearTimeout(s.timer);
      if (s.paused || s.stopped) return;
      if (s.inFlight) {
        s.again = true;
        return;
      }
      s.inFlight = true;
      s.dirty = false;
      const rev = s.rev;
      // While waiting for the server, a retry does not flash « saving »: the notice stays put (and is not read again).
      if (!s.waiting) setStatus('saving');
      try {
        const result = await api.put<{ status: string; savedAt?: string }>(
          `/api/responses/${encodeURIComponent(token)}`,
          { data: model.data, pageNo: model.currentPageNo },
          { auth: false, keepalive },
        );
        retry.reset();
        s.waiting = false;
        // The server holds this change: the device's copy is no longer needed, unless a submission waits on it.
        if (s.rev === rev && !s.submit) localCopy.clearIfUnchanged(rev);
        const at = result?.savedAt ? new Date(result.savedAt) : new Date();
        setSavedAt(Number.isNaN(at.getTime()) ? new Date() : at);
        setError(null);
        setStatus('saved');
      } catch (caught) {
        s.dirty = true;
        const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', 'Erreur inattendue.');
        if (refusedRef.current(apiError)) {
          s.stopped = true;
          retry.reset();
        } else if (isTransient(apiError)) {
          s.waiting = true;
          writeCopy();
          setError(apiError);
          setStatus('waiting');
          if (!s.paused) retry.failed();
        } else {
          retry.reset();
          s.waiting = false;
          setError(apiError);
          setStatus('error');
        }
      } finally {
        s.inFlight = false;
        if (s.again && !s.paused && !s.stopped) {
          s.again = false;
          void save();
        }
      }
    },
    [localCopy, model, retry, token, writeCopy],
  );
  saveRef.current = save;

  useEffect(() => {
    const s = state.current;
    const changed = () => {
      s.rev += 1;
      if (s.waiting || s.submit) writeCopy();
    };
    const onValueChanged = () => {
      changed();
      s.dirty = true;
      window.clearTimeout(s.timer);
      s.timer = window.setTimeout(() => void save(), DEBOUNCE_MS);
    };
    const onPageChanged = () => {
      changed();
      void save();
    };
    const onHidden = () => {
      if (document.visibilityState !== 'hidden' || !s.dirty || s.stopped) return;
      // The page may be gone before the keepalive save is answered: the changes wait here in case it fails.
      writeCopy();
      if (!s.paused) void save(true);
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
  }, [model, save, writeCopy]);

  // Answers found on this device when the page opened (not sent before it closed): this page takes the copy over (so
  // that its acknowledgement deletes it) and sends it at once.
  useEffect(() => {
    if (!restored) return;
    writeCopy();
    void save();
  }, [restored, save, writeCopy]);

  const pause = useCallback(() => {
    window.clearTimeout(state.current.timer);
    state.current.paused = true;
    retry.reset();
  }, [retry]);
  const resume = useCallback(() => {
    state.current.paused = false;
  }, []);
  const saveNow = useCallback(() => save(), [save]);

  return { status, savedAt, error, saveNow, pause, resume, keepLocally };
}
