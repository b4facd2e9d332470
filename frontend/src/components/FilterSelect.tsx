import { useId } from 'react';

export interface Option {
  value: string;
  label: string;
}

/** A labelled select bound to one URL search parameter ('' = any). */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
  anyLabel = 'Any',
}: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  anyLabel?: string;
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function toOptions(values: readonly string[], label: (value: string) => string = (value) => value): Option[] {
  return values.map((value) => ({ value, label: label(value) }));
}
