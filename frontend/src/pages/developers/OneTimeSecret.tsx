import { type ReactNode, useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

/** Copies with the Clipboard API; false when it is missing or refused (plain http, a denied
 * permission, an old browser), so the caller can fall back to a selection. */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A value with a Copy button. When the clipboard is unavailable the value is selected and
 * the user is told to press the copy keys: it can always be copied. */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');
  const selectAll = () => {
    input.current?.focus();
    input.current?.select();
  };
  const copy = async () => {
    const copied = await writeClipboard(value);
    if (!copied) selectAll();
    setState(copied ? 'copied' : 'manual');
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          ref={input}
          id={id}
          className="secret-input"
          value={value}
          readOnly
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId}
        />
        <button type="button" className="btn" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <span className="muted small" role="status" aria-live="polite">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'manual'
            ? 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.'
            : ''}
      </span>
    </div>
  );
}

/** A secret the server shows once (a new API key, a webhook signing secret): copy it now,
 * then dismiss; it is never shown again. */
export function OneTimeSecret({
  title,
  value,
  label,
  onDismiss,
  testId,
  children,
}: {
  title: string;
  value: string;
  label: string;
  onDismiss: () => void;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section className="panel one-time" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <p>
        <strong>Copy it now:</strong> it is shown only this once and cannot be read again. Store it where your code can read it (an
        environment variable or a secret store), never in the code itself.
      </p>
      <CopyField value={value} label={label} testId={testId ? `${testId}-value` : undefined} />
      {children}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDismiss}>
          I have stored it
        </button>
      </div>
    </section>
  );
}
