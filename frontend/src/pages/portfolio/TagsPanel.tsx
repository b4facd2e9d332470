import { type FormEvent, useState } from 'react';
import { EmptyState, ErrorState, FormError, Skeleton } from '../../components/States';
import { ConfirmButton } from '../developers/ConfirmButton';
import { ActionError, TextField } from './bits';
import { type Tag, type TagIn, useCreateTag, useDeleteTag, useTags, useUpdateTag } from './journalQueries';
import { type TagForm as Form, hasProblems, NEW_TAG, type Problems, tagProblems } from './rules';

export function TagChip({ tag }: { tag: { name: string; color: string } }) {
  return (
    <span className="tag-chip" style={{ borderColor: tag.color }}>
      <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
      {tag.name}
    </span>
  );
}

/** A tag's name, colour and description: empty for a new one, or one's own to change. */
export function TagForm({
  tag = null,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  tag?: Tag | null;
  pending: boolean;
  error: unknown;
  onSubmit: (body: TagIn) => void;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState<Form>(tag ? { name: tag.name, color: tag.color, description: tag.description } : NEW_TAG);
  const [problems, setProblems] = useState<Problems<keyof Form>>({});
  const set = (key: keyof Form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = tagProblems(form);
    setProblems(found);
    if (hasProblems(found)) return;
    onSubmit({ name: form.name.trim(), color: form.color.toLowerCase(), description: form.description.trim() });
    if (!tag) setForm(NEW_TAG);
  };
  return (
    <form className="form tag-form" aria-label={tag ? `Edit tag ${tag.name}` : 'New tag'} onSubmit={submit} noValidate>
      <div className="form-row">
        <TextField label="Tag name" value={form.name} onChange={set('name')} problem={problems.name} maxLength={50} size={14} />
        <TextField
          label="Colour"
          type="color"
          value={form.color}
          onChange={set('color')}
          problem={problems.color}
          className="color-field"
        />
        <TextField
          label="Description (optional)"
          value={form.description}
          onChange={set('description')}
          problem={problems.description}
          maxLength={200}
          className="grow"
        />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={pending}>
            {tag ? 'Save tag' : 'Add tag'}
          </button>
          {onCancel ? (
            <button type="button" className="btn btn-ghost" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </div>
      <ActionError error={error} />
    </form>
  );
}

function TagRow({ tag }: { tag: Tag }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateTag(tag.id, () => setEditing(false));
  const remove = useDeleteTag(tag.id);
  if (editing) {
    return (
      <li>
        <TagForm
          tag={tag}
          pending={update.isPending}
          error={update.error}
          onSubmit={(body) => update.mutate(body)}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="tag-row">
      <TagChip tag={tag} />
      <span className="muted small grow-text">{tag.description}</span>
      <span className="row-actions">
        <button type="button" className="btn btn-ghost" onClick={() => setEditing(true)} aria-label={`Edit tag ${tag.name}`}>
          Edit
        </button>
        <ConfirmButton
          ghost
          label="Delete"
          confirm="Remove it from every trade?"
          pending={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      </span>
      <FormError error={remove.error} />
    </li>
  );
}

/** The user's tags (shared by all their portfolios): add, rename, recolour, delete. */
export function TagsPanel() {
  const tags = useTags();
  const create = useCreateTag();
  const rows = tags.data ?? [];
  return (
    <section className="panel" aria-labelledby="tags-title" data-testid="tags-panel">
      <h2 id="tags-title">Tags</h2>
      <p className="muted small">Label trades by setup, mistake or market: filter and compare them in statistics. Up to 10 on a trade.</p>
      {tags.isPending ? (
        <Skeleton rows={2} label="Loading tags" />
      ) : tags.isError ? (
        <ErrorState error={tags.error} onRetry={() => void tags.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No tags yet" />
      ) : (
        <ul className="list tag-list">
          {rows.map((tag) => (
            <TagRow key={tag.id} tag={tag} />
          ))}
        </ul>
      )}
      <TagForm pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body)} />
    </section>
  );
}
