import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, unwrapData } from '../../api/client';
import { keys } from '../../api/queries';
import type { Me } from '../../api/types';
import { FormError } from '../../components/States';

function BackupCodes({ codes }: { codes: string[] }) {
  return (
    <div className="backup-codes" role="status">
      <p>
        <strong>Backup codes</strong>: each works once. Store them now; they are not shown again.
      </p>
      <ul className="codes">
        {codes.map((code) => (
          <li key={code} className="num">
            {code}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Setup() {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const codeId = useId();
  const setup = useMutation({ mutationFn: () => unwrapData(api.POST('/api/v1/auth/2fa/setup')) });
  const enable = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/2fa/enable', { body: { code: code.trim() } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  if (enable.isSuccess) return <BackupCodes codes={enable.data.backup_codes} />;
  if (!setup.data) {
    return (
      <>
        <p>Protect your account with an authenticator app (TOTP).</p>
        <button type="button" className="btn btn-primary" onClick={() => setup.mutate()} disabled={setup.isPending}>
          Set up two-factor authentication
        </button>
        <FormError error={setup.error} />
      </>
    );
  }
  return (
    <div className="totp-setup">
      <img src={setup.data.qr_image} alt="QR code for your authenticator app" width={180} height={180} className="qr" />
      <div>
        <ol className="steps">
          <li>Scan the QR code with your authenticator app.</li>
          <li>
            Or type the key: <code className="secret">{setup.data.secret}</code>
          </li>
          <li>Enter the 6-digit code it shows.</li>
        </ol>
        <form
          className="form form-inline"
          aria-label="Enable two-factor authentication"
          onSubmit={(event) => {
            event.preventDefault();
            enable.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={codeId}>Code</label>
            <input
              id={codeId}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
            />
          </div>
          <button type="submit" className="btn btn-primary" disabled={enable.isPending}>
            Enable
          </button>
        </form>
        <FormError error={enable.error} />
      </div>
    </div>
  );
}

function Manage({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const passwordId = useId();
  const codeId = useId();
  const disable = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/2fa/disable', { body: { password, code: code.trim() } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  const regenerate = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/2fa/backup-codes', { body: { code: code.trim() } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  return (
    <>
      <p>
        <span className="badge badge-bull">enabled</span> {me.backup_codes_left} backup codes left.
      </p>
      {regenerate.data ? <BackupCodes codes={regenerate.data.backup_codes} /> : null}
      <form className="form form-inline" aria-label="Manage two-factor authentication" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={codeId}>Authenticator code</label>
          <input
            id={codeId}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
          />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>Password (to disable)</label>
          <input
            id={passwordId}
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="current-password"
          />
        </div>
        <button type="button" className="btn" onClick={() => regenerate.mutate()} disabled={regenerate.isPending || !code}>
          New backup codes
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => disable.mutate()}
          disabled={disable.isPending || !code || !password}
        >
          Disable 2FA
        </button>
      </form>
      <FormError error={disable.error ?? regenerate.error} />
    </>
  );
}

export function TwoFactorSection({ me }: { me: Me }) {
  return (
    <section className="panel" aria-labelledby="twofa-title">
      <h2 id="twofa-title">Two-factor authentication</h2>
      {me.two_factor_enabled ? <Manage me={me} /> : <Setup />}
    </section>
  );
}
