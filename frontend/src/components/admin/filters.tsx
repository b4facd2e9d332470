import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { FilterSelect, type Option } from '../FilterSelect';

export const YES_NO: readonly Option[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/** A yes / no / any filter bound to one URL search parameter. */
export function BoolFilter({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return <FilterSelect label={label} value={value} options={YES_NO} onChange={onChange} />;
}

/** A text filter applied on Enter or blur (not on every key: each change is a request). */
export function SearchFilter({
  label,
  value,
  onChange,
  placeholder,
  type = 'search',
  suggestions,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'search' | 'number';
  /** Values offered as the input is typed in (a datalist); any other text is allowed too. */
  suggestions?: readonly string[];
}) {
  const id = useId();
  const listId = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const apply = () => {
    if (text.trim() !== value) onChange(text.trim());
  };
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={text}
        placeholder={placeholder}
        list={suggestions?.length ? listId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          // Clearing (the search box's ×, or deleting it all) applies at once.
          if (event.target.value === '' && value !== '') onChange('');
        }}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          }
        }}
      />
      {suggestions?.length ? (
        <datalist id={listId}>
          {suggestions.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}

/** The filter bar: a form that never submits (each control applies itself) and a reset. */
export function FilterBar({ label, onReset, children }: { label: string; onReset: () => void; children: ReactNode }) {
  return (
    <form className="filters" aria-label={label} onSubmit={(event: FormEvent) => event.preventDefault()}>
      {children}
      <button type="button" className="btn btn-ghost" onClick={onReset}>
        Reset
      </button>
    </form>
  );
}
