/** Small pieces the portfolio pages share: labelled inputs with their problem beside them,
 * decimal results coloured by sign, a refusal shown as an upgrade prompt or in words. */
import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { ApiError } from '../../api/errors';
import { UpgradePrompt } from '../../components/UpgradePrompt';
import { formatDecimalPct, formatDecimalR, groupDecimal, signedDecimal, toneOf } from './decimals';
import { actionErrorText } from './rules';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

/** A labelled text input; its problem (from rules.ts) under it, tied by aria-describedby. */
export function TextField({
  label,
  value,
  onChange,
  problem,
  hint,
  className,
  ...input
}: InputProps & { label: string; value: string; onChange: (value: string) => void; problem?: string; hint?: ReactNode }) {
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => onChange(event.target.value)}
        {...input}
      />
      {problem ? (
        <span id={problemId} className="field-problem" role="alert">
          {problem}
        </span>
      ) : hint ? (
        <span className="muted small">{hint}</span>
      ) : null}
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Money as sent, grouped: "10,019.5 USDT". */
export function Money({ value, currency }: { value: string | null | undefined; currency?: string }) {
  return (
    <span className="num">
      {groupDecimal(value)}
      {currency && value != null ? <span className="muted small"> {currency}</span> : null}
    </span>
  );
}

/** A result coloured by its sign: pnl "+19", a percentage "+9.5 %", R "+1.9 R". */
export function Result({ value, kind = 'amount' }: { value: string | null | undefined; kind?: 'amount' | 'pct' | 'r' }) {
  const text = kind === 'pct' ? formatDecimalPct(value) : kind === 'r' ? formatDecimalR(value) : signedDecimal(value);
  return <span className={`num ${value == null ? 'muted' : toneOf(value)}`}>{text}</span>;
}

/** A refused write: a tier limit as what the higher tier unlocks, anything else in words. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.tierRequired) {
    return <UpgradePrompt message={error.message} tier={error.requiredTier} />;
  }
  return (
    <p className="form-error" role="alert">
      {actionErrorText(error)}
    </p>
  );
}
