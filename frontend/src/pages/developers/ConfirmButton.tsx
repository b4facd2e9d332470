import { useState } from 'react';

/** A button that asks once more before doing what cannot be undone: the first click turns it
 * into a red "confirm" button, leaving it (blur) turns it back. */
export function ConfirmButton({
  label,
  confirm,
  pending,
  onConfirm,
  ghost = false,
}: {
  label: string;
  confirm: string;
  pending: boolean;
  onConfirm: () => void;
  ghost?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <button
      type="button"
      className={confirming ? 'btn btn-danger' : ghost ? 'btn btn-ghost' : 'btn'}
      disabled={pending}
      onBlur={() => setConfirming(false)}
      onClick={() => {
        if (!confirming) return setConfirming(true);
        setConfirming(false);
        onConfirm();
      }}
    >
      {confirming ? confirm : label}
    </button>
  );
}
