import { type FormEvent, useId, useState } from 'react';
import { type BroadcastIn, useAudience, useBroadcastTemplates } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import type { Tier } from '../../api/types';
import { FormError } from '../../components/States';
import { localInputToIso, splitList } from '../../lib/admin';
import { TIER_ORDER } from '../../lib/tiers';
import { useAdminAction } from './useAdminAction';

function Audience({ tiers }: { tiers: Tier[] }) {
  const audience = useAudience(tiers);
  if (audience.isPending) return <p className="muted">Counting the audience…</p>;
  if (audience.isError) return <FormError error={audience.error} />;
  const { total, by_tier: byTier, excluded_unverified: unverified, excluded_notifications_off: off } = audience.data;
  return (
    <p className="audience" data-testid="audience">
      Reaches{' '}
      <strong className="num" data-testid="audience-count">
        {total}
      </strong>{' '}
      {total === 1 ? 'user' : 'users'} now
      <span className="muted small">
        {' '}
        (
        {Object.entries(byTier)
          .map(([tier, count]) => `${tier} ${count}`)
          .join(', ')}
        ; not reached: {unverified} unverified, {off} with notifications off)
      </span>
    </p>
  );
}

/** Compose a broadcast: the audience's count is on screen before anything is sent, and sending
 * asks once more with that count. */
export function BroadcastCompose() {
  const ids = { template: useId(), title: useId(), message: useId(), priority: useId(), tags: useId(), when: useId() };
  const templates = useBroadcastTemplates(true);
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [priority, setPriority] = useState('3');
  const [tags, setTags] = useState('');
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [when, setWhen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const send = useAdminAction(
    (body: BroadcastIn) => unwrapData(api.POST('/api/v1/admin/broadcasts', { body })),
    (result) => {
      setNotice(result.status === 'scheduled' ? `Broadcast ${result.id} scheduled` : `Broadcast ${result.id} sending`);
      setConfirming(false);
      setTitle('');
      setMessage('');
      setTemplateId('');
    },
  );
  const pickTemplate = (value: string) => {
    setTemplateId(value);
    const template = templates.data?.find((item) => String(item.id) === value);
    if (template) {
      setTitle(template.title);
      setMessage(template.message);
      setPriority(String(template.priority));
      setTags(template.tags.join(', '));
    }
  };
  const body = (): BroadcastIn => {
    const out: BroadcastIn = { priority: Number(priority), tags: splitList(tags) };
    if (templateId) out.template_id = Number(templateId);
    if (title.trim()) out.title = title.trim();
    if (message.trim()) out.message = message.trim();
    if (tiers.length) out.tiers = tiers;
    const scheduled = localInputToIso(when);
    if (scheduled) out.scheduled_for = scheduled;
    return out;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    if (!confirming) {
      send.reset();
      setConfirming(true);
      return;
    }
    send.mutate(body());
  };
  return (
    <section className="panel compose" aria-labelledby="compose-title">
      <h2 id="compose-title">New broadcast</h2>
      <form className="form" onSubmit={submit} aria-label="New broadcast" onChange={() => setConfirming(false)}>
        {templates.data?.length ? (
          <div className="field">
            <label htmlFor={ids.template}>Template</label>
            <select id={ids.template} value={templateId} onChange={(event) => pickTemplate(event.target.value)}>
              <option value="">None</option>
              {templates.data.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.title}>Title</label>
          <input id={ids.title} maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.message}>Message</label>
          <textarea id={ids.message} rows={4} maxLength={4000} value={message} onChange={(event) => setMessage(event.target.value)} />
          <span className="muted small">
            Placeholders: {'{name}'}, {'{tier}'}, {'{app_url}'}; {'{{'} and {'}}'} for braces.
          </span>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.priority}>Priority</label>
            <select id={ids.priority} value={priority} onChange={(event) => setPriority(event.target.value)}>
              {[1, 2, 3, 4, 5].map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.tags}>Tags</label>
            <input id={ids.tags} placeholder="news, launch" value={tags} onChange={(event) => setTags(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.when}>Send at (empty: now)</label>
            <input id={ids.when} type="datetime-local" value={when} onChange={(event) => setWhen(event.target.value)} />
          </div>
        </div>
        <fieldset>
          <legend>Tiers (none ticked: all)</legend>
          {TIER_ORDER.map((tier) => (
            <label key={tier} className="check">
              <input
                type="checkbox"
                checked={tiers.includes(tier)}
                onChange={(event) =>
                  setTiers((current) => (event.target.checked ? [...current, tier] : current.filter((item) => item !== tier)))
                }
              />
              {tier}
            </label>
          ))}
        </fieldset>
        <Audience tiers={tiers} />
        <div className="form-actions">
          <button type="submit" className={confirming ? 'btn btn-danger' : 'btn btn-primary'} disabled={send.isPending}>
            {confirming ? (when ? 'Confirm schedule' : 'Confirm and send') : when ? 'Schedule…' : 'Send…'}
          </button>
          {confirming ? (
            <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
              Back
            </button>
          ) : null}
          {notice ? (
            <span role="status" className="ok">
              {notice}
            </span>
          ) : null}
        </div>
        <FormError error={send.error} />
      </form>
    </section>
  );
}
