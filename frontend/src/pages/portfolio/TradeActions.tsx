import { type FormEvent, useId, useState } from 'react';
import { ConfirmButton } from '../developers/ConfirmButton';
import { ActionError, TextField } from './bits';
import { type Trade, useCancelTrade, useCloseTrade, useOpenTrade } from './queries';
import { closeProblems, hasProblems, openProblems, optional, type Problems } from './rules';

/** pending -> open: the entry price may be corrected, a quantity is needed by then. */
function OpenForm({ trade }: { trade: Trade }) {
  const open = useOpenTrade(trade.id);
  const [form, setForm] = useState({ entryPrice: '', quantity: '', fees: '' });
  const [problems, setProblems] = useState<Problems<keyof typeof form>>({});
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = openProblems(form, trade.quantity !== null);
    setProblems(found);
    if (hasProblems(found)) return;
    open.mutate({
      entry_price: optional(form.entryPrice),
      quantity: optional(form.quantity),
      fees: optional(form.fees),
    });
  };
  return (
    <form className="form" aria-label="Open the trade" onSubmit={submit} noValidate>
      <h3>Open</h3>
      <div className="form-row">
        <TextField
          label="Entry price"
          value={form.entryPrice}
          onChange={set('entryPrice')}
          problem={problems.entryPrice}
          placeholder={trade.entry_price}
          inputMode="decimal"
          size={12}
        />
        <TextField
          label="Quantity"
          value={form.quantity}
          onChange={set('quantity')}
          problem={problems.quantity}
          placeholder={trade.quantity ?? ''}
          inputMode="decimal"
          size={12}
        />
        <TextField
          label="Fees"
          value={form.fees}
          onChange={set('fees')}
          problem={problems.fees}
          placeholder={trade.fees}
          inputMode="decimal"
          size={8}
        />
      </div>
      <ActionError error={open.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={open.isPending}>
          Open trade
        </button>
      </div>
    </form>
  );
}

/** open -> closed at a typed price or at the market (the newest stored 1m close). */
function CloseForm({ trade }: { trade: Trade }) {
  const close = useCloseTrade(trade.id);
  const notesId = useId();
  const [form, setForm] = useState({ atMarket: false, exitPrice: '', fees: '', exitNotes: '' });
  const [problems, setProblems] = useState<Problems<'exitPrice' | 'fees'>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = closeProblems(form);
    setProblems(found);
    if (hasProblems(found)) return;
    close.mutate({
      at_market: form.atMarket,
      exit_price: form.atMarket ? null : form.exitPrice.trim(),
      fees: optional(form.fees),
      exit_notes: optional(form.exitNotes),
    });
  };
  return (
    <form className="form" aria-label="Close the trade" onSubmit={submit} noValidate>
      <h3>Close</h3>
      <fieldset className="close-mode">
        <legend className="sr-only">Close at</legend>
        <label className="check">
          <input type="radio" name="close-mode" checked={!form.atMarket} onChange={() => setForm({ ...form, atMarket: false })} /> At a
          price
        </label>
        <label className="check">
          <input type="radio" name="close-mode" checked={form.atMarket} onChange={() => setForm({ ...form, atMarket: true })} /> At market
        </label>
      </fieldset>
      <div className="form-row">
        {!form.atMarket ? (
          <TextField
            label="Exit price"
            value={form.exitPrice}
            onChange={(value) => setForm({ ...form, exitPrice: value })}
            problem={problems.exitPrice}
            inputMode="decimal"
            size={12}
          />
        ) : null}
        <TextField
          label="Fees (all of the trade's)"
          value={form.fees}
          onChange={(value) => setForm({ ...form, fees: value })}
          problem={problems.fees}
          placeholder={trade.fees}
          inputMode="decimal"
          size={8}
        />
      </div>
      <div className="field">
        <label htmlFor={notesId}>Exit notes (optional)</label>
        <textarea
          id={notesId}
          rows={2}
          maxLength={5000}
          value={form.exitNotes}
          onChange={(event) => setForm({ ...form, exitNotes: event.target.value })}
        />
      </div>
      <ActionError error={close.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={close.isPending}>
          {form.atMarket ? 'Close at market' : 'Close trade'}
        </button>
      </div>
    </form>
  );
}

function CancelAction({ trade }: { trade: Trade }) {
  const cancel = useCancelTrade(trade.id);
  return (
    <div className="form-actions">
      <ConfirmButton label="Cancel the plan" confirm="Cancel it for good?" pending={cancel.isPending} onConfirm={() => cancel.mutate({})} />
      <ActionError error={cancel.error} />
    </div>
  );
}

/** What the trade's state allows: open or cancel a pending trade, close an open one. */
export function TradeActions({ trade }: { trade: Trade }) {
  if (trade.status === 'pending') {
    return (
      <section className="panel trade-actions" aria-label="Trade actions">
        <OpenForm trade={trade} />
        <CancelAction trade={trade} />
      </section>
    );
  }
  if (trade.status === 'open') {
    return (
      <section className="panel trade-actions" aria-label="Trade actions">
        <CloseForm trade={trade} />
      </section>
    );
  }
  return null;
}
