import { type FormEvent, useState } from 'react';
import { ActionError, TextField } from './bits';
import type { Portfolio, PortfolioIn } from './queries';
import { type PortfolioForm as Form, hasProblems, NEW_PORTFOLIO, type Problems, portfolioProblems } from './rules';

function formOf(portfolio: Portfolio | null): Form {
  if (!portfolio) return NEW_PORTFOLIO;
  return {
    name: portfolio.name,
    description: portfolio.description,
    currency: portfolio.currency,
    initialBalance: portfolio.initial_balance,
  };
}

/** A portfolio's name, description, currency and initial balance: empty for a new one, or an
 * existing one's to change (the balance follows the initial balance exactly). */
export function PortfolioForm({
  portfolio = null,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  portfolio?: Portfolio | null;
  pending: boolean;
  error: unknown;
  onSubmit: (body: PortfolioIn) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState(() => formOf(portfolio));
  const [problems, setProblems] = useState<Problems<keyof Form>>({});
  const set = (key: keyof Form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = portfolioProblems(form);
    setProblems(found);
    if (hasProblems(found)) return;
    onSubmit({
      name: form.name.trim(),
      description: form.description.trim(),
      currency: form.currency.trim(),
      initial_balance: form.initialBalance.trim(),
    });
  };
  const title = portfolio ? `Edit "${portfolio.name}"` : 'New portfolio';
  return (
    <form className="form panel" aria-label={title} onSubmit={submit} noValidate>
      <h2>{title}</h2>
      <div className="form-row">
        <TextField label="Name" value={form.name} onChange={set('name')} problem={problems.name} maxLength={100} className="grow" />
        <TextField
          label="Currency"
          value={form.currency}
          onChange={(value) => set('currency')(value.toUpperCase())}
          problem={problems.currency}
          maxLength={10}
          size={8}
        />
        <TextField
          label="Initial balance"
          value={form.initialBalance}
          onChange={set('initialBalance')}
          problem={problems.initialBalance}
          inputMode="decimal"
          size={12}
        />
      </div>
      <TextField
        label="Description (optional)"
        value={form.description}
        onChange={set('description')}
        problem={problems.description}
        maxLength={500}
      />
      <ActionError error={error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {portfolio ? 'Save' : 'Create portfolio'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
