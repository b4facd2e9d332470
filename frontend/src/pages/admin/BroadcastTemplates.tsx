import { type FormEvent, useId, useState } from 'react';
import { type BroadcastTemplate, type TemplateIn, unwrapNoContent, useBroadcastTemplates } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { Toggle } from '../../components/admin/Toggle';
import { Time } from '../../components/Display';
import { EmptyState, ErrorState, FormError, Skeleton } from '../../components/States';
import { splitList } from '../../lib/admin';
import { useAdminAction } from './useAdminAction';

const EMPTY = { name: '', title: '', message: '', priority: '3', tags: '' };

function NewTemplate() {
  const ids = { name: useId(), title: useId(), message: useId(), priority: useId(), tags: useId() };
  const [form, setForm] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY, value: string) => setForm((current) => ({ ...current, [key]: value }));
  const create = useAdminAction(
    (body: TemplateIn) => unwrapData(api.POST('/api/v1/admin/broadcast-templates', { body })),
    () => setForm(EMPTY),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      name: form.name.trim(),
      title: form.title.trim(),
      message: form.message.trim(),
      priority: Number(form.priority),
      tags: splitList(form.tags),
      is_active: true,
    });
  };
  return (
    <form className="form" onSubmit={submit} aria-label="New template">
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input id={ids.name} maxLength={100} value={form.name} onChange={(event) => set('name', event.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>Priority</label>
          <select id={ids.priority} value={form.priority} onChange={(event) => set('priority', event.target.value)}>
            {[1, 2, 3, 4, 5].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.tags}>Tags</label>
          <input id={ids.tags} value={form.tags} onChange={(event) => set('tags', event.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.title}>Title</label>
        <input id={ids.title} maxLength={200} value={form.title} onChange={(event) => set('title', event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={ids.message}>Message</label>
        <textarea
          id={ids.message}
          rows={3}
          maxLength={4000}
          value={form.message}
          onChange={(event) => set('message', event.target.value)}
          required
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={create.isPending}>
          Save template
        </button>
        <FormError error={create.error} />
      </div>
    </form>
  );
}

function TemplateRow({ template }: { template: BroadcastTemplate }) {
  const [confirming, setConfirming] = useState(false);
  const update = useAdminAction((isActive: boolean) =>
    unwrapData(
      api.PATCH('/api/v1/admin/broadcast-templates/{template_id}', {
        params: { path: { template_id: template.id } },
        body: { is_active: isActive },
      }),
    ),
  );
  const remove = useAdminAction(() =>
    unwrapNoContent(api.DELETE('/api/v1/admin/broadcast-templates/{template_id}', { params: { path: { template_id: template.id } } })),
  );
  return (
    <tr>
      <td>{template.name}</td>
      <td className="ellipsis" title={template.message}>
        {template.title}
      </td>
      <td className="num">{template.priority}</td>
      <td>{template.tags.join(', ')}</td>
      <td>
        <Toggle
          label={`${template.name} active`}
          hideLabel
          checked={template.is_active}
          disabled={update.isPending}
          onChange={update.mutate}
        />
      </td>
      <td className="num">{template.times_used}</td>
      <td>
        <Time ms={template.last_used_at} relative />
      </td>
      <td>
        <button
          type="button"
          className={confirming ? 'btn btn-danger' : 'btn btn-ghost'}
          disabled={remove.isPending}
          onClick={() => (confirming ? remove.mutate() : setConfirming(true))}
          onBlur={() => setConfirming(false)}
        >
          {confirming ? 'Confirm delete' : 'Delete'}
        </button>
        <FormError error={update.error ?? remove.error} />
      </td>
    </tr>
  );
}

/** The broadcast templates: create, switch on or off, delete. */
export function BroadcastTemplates() {
  const templates = useBroadcastTemplates(false);
  return (
    <details className="panel">
      <summary>
        <strong>Templates</strong> {templates.data ? <span className="muted small">({templates.data.length})</span> : null}
      </summary>
      <NewTemplate />
      {templates.isPending ? (
        <Skeleton rows={3} label="Loading templates" />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <EmptyState title="No templates yet" />
      ) : (
        <div className="table-scroll">
          <table className="table dense" data-testid="templates-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Priority</th>
                <th scope="col">Tags</th>
                <th scope="col">Active</th>
                <th scope="col">Used</th>
                <th scope="col">Last used</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {templates.data.map((template) => (
                <TemplateRow key={template.id} template={template} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
