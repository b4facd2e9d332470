import { useEffect, useRef } from 'react';
import { Time } from '../../components/Display';
import { FormError } from '../../components/States';

/** A modal confirmation (native <dialog>: focus trap and Escape for free). */
export function CancelDialog({
  open,
  accessUntil,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  accessUntil: string | null;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="billing-dialog" aria-labelledby="cancel-title" onClose={onClose}>
      <h2 id="cancel-title">Cancel your subscription?</h2>
      <p>
        {accessUntil ? (
          <>
            You keep your plan until <Time ms={accessUntil} />; after that the account is free. Nothing more is charged.
          </>
        ) : (
          'Nothing more is charged.'
        )}
      </p>
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose} disabled={pending}>
          Keep my plan
        </button>
        <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={pending}>
          {pending ? 'Cancelling…' : 'Yes, cancel'}
        </button>
      </div>
    </dialog>
  );
}
