import { type FormEvent, useId, useState } from 'react';
import { Time } from '../../components/Display';
import { EmptyState, ErrorState, FormError, Skeleton } from '../../components/States';
import { ConfirmButton } from '../developers/ConfirmButton';
import { ActionError } from './bits';
import {
  ENTRY_TYPES,
  type EntryType,
  type JournalEntry,
  MOODS,
  type Mood,
  useAddEntry,
  useDeleteEntry,
  useJournal,
  useUpdateEntry,
} from './journalQueries';
import { entryLabel, entryProblem, MAX_ENTRY } from './rules';

/** An entry's text, with the problem found in it (both forms: adding and editing). */
function NoteField({
  id,
  value,
  problem,
  onChange,
}: {
  id: string;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Note</label>
      <textarea
        id={id}
        rows={3}
        maxLength={MAX_ENTRY}
        value={value}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem ? (
        <span className="field-problem" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

function EditEntry({ entry, onDone }: { entry: JournalEntry; onDone: () => void }) {
  const id = useId();
  const [mood, setMood] = useState<Mood | ''>(entry.mood ?? '');
  const [content, setContent] = useState(entry.content);
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateEntry(entry.trade_id, entry.id, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = entryProblem(content);
    setProblem(found);
    if (!found) update.mutate({ mood: mood || null, content });
  };
  return (
    <form className="form" aria-label="Edit journal entry" onSubmit={submit} noValidate>
      <MoodSelect id={`${id}-mood`} value={mood} onChange={setMood} />
      <NoteField id={`${id}-content`} value={content} problem={problem} onChange={setContent} />
      <ActionError error={update.error} />
      <div className="form-actions">
        <button type="submit" className="btn" disabled={update.isPending}>
          Save entry
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function MoodSelect({ id, value, onChange }: { id: string; value: Mood | ''; onChange: (mood: Mood | '') => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Mood</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Mood | '')}>
        <option value="">—</option>
        {MOODS.map((mood) => (
          <option key={mood} value={mood}>
            {entryLabel(mood)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Entry({ entry }: { entry: JournalEntry }) {
  const remove = useDeleteEntry(entry.trade_id, entry.id);
  const [editing, setEditing] = useState(false);
  return (
    <li className="journal-entry" data-testid="journal-entry">
      <div className="journal-entry-head">
        <span className="badge badge-info">{entryLabel(entry.entry_type)}</span>
        {entry.mood ? <span className={`badge mood mood-${entry.mood}`}>{entryLabel(entry.mood)}</span> : null}
        <span className="muted small">
          <Time ms={entry.created_at} />
        </span>
        <span className="row-actions journal-entry-actions">
          <button type="button" className="btn btn-ghost" onClick={() => setEditing(!editing)}>
            Edit
          </button>
          <ConfirmButton ghost label="Delete" confirm="Delete this entry?" pending={remove.isPending} onConfirm={() => remove.mutate()} />
        </span>
      </div>
      {editing ? (
        <EditEntry entry={entry} onDone={() => setEditing(false)} />
      ) : (
        // Plain text as written: React escapes it, and white-space keeps its lines.
        <p className="journal-text">{entry.content}</p>
      )}
      <FormError error={remove.error} />
    </li>
  );
}

function AddEntry({ tradeId, status }: { tradeId: number; status: string }) {
  const id = useId();
  const [entryType, setEntryType] = useState<EntryType>(status === 'closed' || status === 'cancelled' ? 'post_trade' : 'during');
  const [mood, setMood] = useState<Mood | ''>('');
  const [content, setContent] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useAddEntry(tradeId, () => {
    setContent('');
    setMood('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = entryProblem(content);
    setProblem(found);
    if (found) return;
    add.mutate({ entry_type: entryType, mood: mood || null, content });
  };
  return (
    <form className="form" aria-label="New journal entry" onSubmit={submit} noValidate>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-type`}>Entry</label>
          <select id={`${id}-type`} value={entryType} onChange={(event) => setEntryType(event.target.value as EntryType)}>
            {ENTRY_TYPES.map((value) => (
              <option key={value} value={value}>
                {entryLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <MoodSelect id={`${id}-mood`} value={mood} onChange={setMood} />
      </div>
      <NoteField id={`${id}-content`} value={content} problem={problem} onChange={setContent} />
      <ActionError error={add.error} />
      <div className="form-actions">
        <button type="submit" className="btn" disabled={add.isPending}>
          Add entry
        </button>
      </div>
    </form>
  );
}

/** The trade's journal, oldest first: what was planned, felt and learnt, with the mood. */
export function JournalEntries({ tradeId, status }: { tradeId: number; status: string }) {
  const journal = useJournal(tradeId);
  const entries = journal.data ?? [];
  return (
    <section className="panel" aria-labelledby="journal-title" data-testid="trade-journal">
      <h2 id="journal-title">Journal</h2>
      {journal.isPending ? (
        <Skeleton rows={3} label="Loading the journal" />
      ) : journal.isError ? (
        <ErrorState error={journal.error} onRetry={() => void journal.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing written yet" />
      ) : (
        <ol className="list journal-list">
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      <AddEntry tradeId={tradeId} status={status} />
    </section>
  );
}
