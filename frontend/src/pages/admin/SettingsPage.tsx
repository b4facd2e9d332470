import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { type RuntimeSetting, useRuntimeSettings } from '../../api/admin';
import { api, unwrapData } from '../../api/client';
import { Time } from '../../components/Display';
import { ErrorState, FormError, Skeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { briefValue, settingText, settingValue } from '../../lib/admin';
import { useAdminAction } from './useAdminAction';

function ListInput({ setting, text, onText }: { setting: RuntimeSetting; text: string; onText: (text: string) => void }) {
  const chosen = settingValue('list', text) as string[];
  const choices = setting.range.choices ?? [];
  return (
    <fieldset className="check-row">
      <legend className="sr-only">{setting.key}</legend>
      {choices.map((choice) => (
        <label key={choice} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(choice)}
            onChange={(event) => onText((event.target.checked ? [...chosen, choice] : chosen.filter((item) => item !== choice)).join(', '))}
          />
          {choice}
        </label>
      ))}
    </fieldset>
  );
}

function SettingRow({ setting }: { setting: RuntimeSetting }) {
  const id = useId();
  // The value in force as text: a string, so a refetch returning the same value keeps what is typed.
  const serverText = settingText(setting.type, setting.value);
  const [text, setText] = useState(serverText);
  const [saved, setSaved] = useState('');
  useEffect(() => setText(serverText), [serverText]);
  const save = useAdminAction(
    (value: unknown) => unwrapData(api.PUT('/api/v1/admin/settings/{key}', { params: { path: { key: setting.key } }, body: { value } })),
    () => setSaved('Saved'),
  );
  const reset = useAdminAction(
    () => unwrapData(api.DELETE('/api/v1/admin/settings/{key}', { params: { path: { key: setting.key } } })),
    () => setSaved('Default restored'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    reset.reset();
    save.mutate(settingValue(setting.type, text));
  };
  const isDefault = setting.updated_at === null;
  return (
    <form className="setting" onSubmit={submit} aria-label={setting.key} noValidate data-testid={`setting-${setting.key}`}>
      <div className="setting-head">
        <label htmlFor={id}>
          <code>{setting.key}</code>
        </label>
        <span className="muted small">{setting.description}</span>
      </div>
      <div className="setting-input">
        {setting.type === 'bool' ? (
          <select id={id} value={text} onChange={(event) => setText(event.target.value)}>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        ) : setting.type === 'choice' ? (
          <select id={id} value={text} onChange={(event) => setText(event.target.value)}>
            {(setting.range.choices ?? []).map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        ) : setting.type === 'list' && setting.range.choices?.length ? (
          <ListInput setting={setting} text={text} onText={setText} />
        ) : (
          <input
            id={id}
            inputMode={setting.type === 'int' ? 'numeric' : setting.type === 'number' ? 'decimal' : 'text'}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={isDefault || reset.isPending}
          onClick={() => {
            setSaved('');
            save.reset();
            reset.mutate();
          }}
        >
          Restore default
        </button>
        {saved ? (
          <span role="status" className="ok">
            {saved}
          </span>
        ) : null}
      </div>
      <p className="muted small">
        {setting.range.text} · default <code>{briefValue(setting.default)}</code>
        {isDefault ? (
          ' (in force)'
        ) : (
          <>
            {' '}
            · changed <Time ms={setting.updated_at} />
            {setting.updated_by ? (
              <>
                {' '}
                by <Link to={`/admin/users/${setting.updated_by}`}>user {setting.updated_by}</Link>
              </>
            ) : null}
          </>
        )}
      </p>
      <FormError error={save.error ?? reset.error} />
    </form>
  );
}

export function SettingsPage() {
  useDocumentTitle('Admin · Settings');
  const settings = useRuntimeSettings();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Runtime settings</h1>
      </div>
      <p className="muted">
        A change applies from each job's next run; API processes pick it up within 10 s. Stored signals keep their values.
      </p>
      {settings.isPending ? (
        <Skeleton rows={10} label="Loading settings" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <div className="settings-list">
          {settings.data.map((setting) => (
            <SettingRow key={setting.key} setting={setting} />
          ))}
        </div>
      )}
    </div>
  );
}
