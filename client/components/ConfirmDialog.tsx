// Modal confirmation on the native <dialog> (focus kept inside, Escape cancels, background inert).
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** While the action runs: buttons disabled, Escape ignored. */
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

export function ConfirmDialog({ open, title, children, confirmLabel, pending = false, error, onConfirm, onCancel, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The harmless choice has focus first: Enter alone never destroys anything.
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          <div id={bodyId}>{children}</div>
          {error && (
            <div className="alert alert-error" role="alert">
              <p>{error}</p>
            </div>
          )}
          <div className="actions">
            <button type="button" className="button-danger" onClick={onConfirm} disabled={pending}>
              {confirmLabel}
            </button>
            <button type="button" ref={cancelRef} className="button-secondary" onClick={onCancel} disabled={pending}>
              Annuler
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
