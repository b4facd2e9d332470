import { type FormEvent, useId, useState } from 'react';
import { useSymbols } from '../../api/queries';
import { ActionError, SelectField, TextField } from './bits';
import type { TradeIn } from './queries';
import {
  type TradeForm as Form,
  hasProblems,
  isoFromLocalInput,
  NEW_TRADE,
  normaliseSymbol,
  optional,
  type Problems,
  tradeProblems,
} from './rules';

const DIRECTIONS = [
  { value: 'long', label: 'Long' },
  { value: 'short', label: 'Short' },
] as const;
const STATUSES = [
  { value: 'open', label: 'Open now' },
  { value: 'pending', label: 'Pending (a plan)' },
] as const;

/** A new trade: open now (a quantity needed) or pending. Problems are named per field in the
 * server's words before sending; the server's refusal (a tier limit, an unknown symbol) below. */
export function TradeForm({
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  error: unknown;
  onSubmit: (body: TradeIn) => void;
  onCancel: () => void;
}) {
  const symbols = useSymbols();
  const listId = useId();
  const notesId = useId();
  const [form, setForm] = useState<Form>(NEW_TRADE);
  const [problems, setProblems] = useState<Problems<keyof Form>>({});
  const set = (key: keyof Form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = tradeProblems(form, Date.now());
    setProblems(found);
    if (hasProblems(found)) return;
    onSubmit({
      symbol: normaliseSymbol(form.symbol),
      direction: form.direction,
      status: form.status,
      entry_price: form.entryPrice.trim(),
      quantity: optional(form.quantity),
      stop_loss: optional(form.stopLoss),
      take_profit: optional(form.takeProfit),
      fees: form.fees.trim() || '0',
      entry_time: isoFromLocalInput(form.entryTime),
      setup_notes: optional(form.setupNotes),
    });
  };
  return (
    <form className="form panel trade-form" aria-label="New trade" onSubmit={submit} noValidate>
      <h2>New trade</h2>
      <div className="form-row">
        <TextField
          label="Symbol"
          value={form.symbol}
          onChange={set('symbol')}
          problem={problems.symbol}
          list={listId}
          placeholder="BTC/USDT"
          autoCapitalize="characters"
          size={12}
        />
        <datalist id={listId}>
          {(symbols.data ?? []).map((symbol) => (
            <option key={symbol.symbol} value={symbol.symbol} />
          ))}
        </datalist>
        <SelectField label="Direction" value={form.direction} options={DIRECTIONS} onChange={set('direction')} />
        <SelectField label="Status" value={form.status} options={STATUSES} onChange={set('status')} />
      </div>
      <div className="form-row">
        <TextField
          label="Entry price"
          value={form.entryPrice}
          onChange={set('entryPrice')}
          problem={problems.entryPrice}
          inputMode="decimal"
          size={12}
        />
        <TextField
          label={form.status === 'open' ? 'Quantity' : 'Quantity (optional)'}
          value={form.quantity}
          onChange={set('quantity')}
          problem={problems.quantity}
          inputMode="decimal"
          size={12}
        />
        <TextField
          label="Stop loss"
          value={form.stopLoss}
          onChange={set('stopLoss')}
          problem={problems.stopLoss}
          inputMode="decimal"
          size={12}
        />
        <TextField
          label="Take profit"
          value={form.takeProfit}
          onChange={set('takeProfit')}
          problem={problems.takeProfit}
          inputMode="decimal"
          size={12}
        />
        <TextField label="Fees" value={form.fees} onChange={set('fees')} problem={problems.fees} inputMode="decimal" size={8} />
        <TextField
          label="Entry time (optional)"
          type="datetime-local"
          value={form.entryTime}
          onChange={set('entryTime')}
          problem={problems.entryTime}
          hint="default: when opened"
        />
      </div>
      <div className="field">
        <label htmlFor={notesId}>Setup notes (optional)</label>
        <textarea
          id={notesId}
          rows={3}
          maxLength={5000}
          value={form.setupNotes}
          onChange={(event) => set('setupNotes')(event.target.value)}
        />
        {problems.setupNotes ? <span className="field-problem">{problems.setupNotes}</span> : null}
      </div>
      <p className="muted small">Long: stop below the entry, target above. Short: the other way round.</p>
      <ActionError error={error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Add trade
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
