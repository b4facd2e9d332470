import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSymbols } from '../api/queries';
import { symbolToUrl } from '../lib/format';

/** Type a symbol, press Enter: opens its chart. */
export function SymbolJump() {
  const symbols = useSymbols();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const listId = useId();
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = value.trim().toUpperCase().replace('-', '/');
    if (!wanted) return;
    const match =
      symbols.data?.find((symbol) => symbol.symbol === wanted) ??
      symbols.data?.find((symbol) => symbol.base === wanted) ??
      symbols.data?.find((symbol) => symbol.symbol.startsWith(wanted));
    void navigate(`/chart/${symbolToUrl(match?.symbol ?? wanted)}`);
    setValue('');
  };
  return (
    <form className="symbol-jump" role="search" onSubmit={submit}>
      <label htmlFor={inputId} className="sr-only">
        Open a symbol's chart
      </label>
      <input
        id={inputId}
        list={listId}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder="Symbol…"
        autoComplete="off"
        spellCheck={false}
      />
      <datalist id={listId}>
        {symbols.data?.map((symbol) => (
          <option key={symbol.symbol} value={symbol.symbol} />
        ))}
      </datalist>
    </form>
  );
}
