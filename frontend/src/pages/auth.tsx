/** Account pages: sign in, 2FA step, register, verify email, forgot and reset password. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrapData } from '../api/client';
import { FormError } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function AuthShell({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <div className="brand auth-brand">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>{' '}
          CryptoLens
        </div>
        <h1>{title}</h1>
        {children}
        {footer ? <div className="auth-footer">{footer}</div> : null}
      </div>
    </main>
  );
}

function Field({
  label,
  type = 'text',
  value,
  onChange,
  autoComplete,
  hint,
  required = true,
  inputMode,
  autoFocus = false,
}: {
  label: string;
  type?: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete?: string;
  hint?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'email';
  autoFocus?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        // biome-ignore lint/a11y/noAutofocus: each auth page is one short form; its first field takes the focus
        autoFocus={autoFocus}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <small id={hintId} className="muted">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = safeNext(params.get('next'));
  const login = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: async (result) => {
      queryClient.removeQueries();
      if (result.totp_required) {
        await navigate(`/login/2fa?next=${encodeURIComponent(next)}`);
      } else {
        await navigate(next, { replace: true });
      }
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <AuthShell
      title="Sign in"
      footer={
        <>
          <Link to="/forgot-password">Forgot password?</Link>
          <span aria-hidden="true"> · </span>
          <Link to="/register">Create an account</Link>
        </>
      }
    >
      <form onSubmit={submit} className="form" aria-label="Sign in">
        <Field label="Email" type="email" value={email} onChange={setEmail} autoComplete="username" inputMode="email" autoFocus />
        <Field label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" />
        <FormError error={login.error} />
        <button type="submit" className="btn btn-primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthShell>
  );
}

export function TotpPage() {
  const [code, setCode] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/login/totp', { body: { code: code.replace(/\s+/g, '') } })),
    onSuccess: async () => {
      queryClient.removeQueries();
      await navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  return (
    <AuthShell title="Two-factor authentication" footer={<Link to="/login">Back to sign in</Link>}>
      <form
        className="form"
        aria-label="Two-factor code"
        onSubmit={(event) => {
          event.preventDefault();
          verify.mutate();
        }}
      >
        <Field
          label="Authenticator code"
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          inputMode="numeric"
          hint="The 6-digit code from your app, or one of your backup codes."
          autoFocus
        />
        <FormError error={verify.error} />
        <button type="submit" className="btn btn-primary" disabled={verify.isPending}>
          Verify
        </button>
      </form>
    </AuthShell>
  );
}

export function RegisterPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const register = useMutation({
    mutationFn: () =>
      unwrapData(
        api.POST('/api/v1/auth/register', {
          body: { email, password, display_name: displayName || null, timezone },
        }),
      ),
  });
  if (register.isSuccess) {
    return (
      <AuthShell title="Check your inbox" footer={<Link to="/login">Sign in</Link>}>
        <p role="status">
          We sent a verification link to <strong>{register.data.email}</strong>. It is valid for 24 hours. You can sign in now;
          notifications need a verified email.
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Create an account" footer={<Link to="/login">Already have an account? Sign in</Link>}>
      <form
        className="form"
        aria-label="Register"
        onSubmit={(event) => {
          event.preventDefault();
          register.mutate();
        }}
      >
        <Field label="Email" type="email" value={email} onChange={setEmail} autoComplete="email" inputMode="email" autoFocus />
        <Field label="Display name (optional)" value={displayName} onChange={setDisplayName} autoComplete="nickname" required={false} />
        <Field
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          hint="At least 10 characters, not your email, not a common password."
        />
        <p className="muted small">Times will be shown in {timezone}; change it in your profile.</p>
        <FormError error={register.error} />
        <button type="submit" className="btn btn-primary" disabled={register.isPending}>
          Create account
        </button>
      </form>
    </AuthShell>
  );
}

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/verify-email', { body: { token } })),
  });
  const started = useRef(false);
  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      verify.mutate();
    }
  }, [token, verify]);
  return (
    <AuthShell title="Verify email" footer={<Link to="/">Go to the dashboard</Link>}>
      {!token ? <p role="alert">This link has no token. Open the link from the email again.</p> : null}
      {verify.isPending ? <p role="status">Verifying…</p> : null}
      {verify.isSuccess ? <p role="status">Your email {verify.data.email} is verified.</p> : null}
      <FormError error={verify.error} />
    </AuthShell>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const forgot = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/forgot-password', { body: { email } })),
  });
  return (
    <AuthShell title="Reset your password" footer={<Link to="/login">Back to sign in</Link>}>
      {forgot.isSuccess ? (
        <p role="status">{forgot.data.message}</p>
      ) : (
        <form
          className="form"
          aria-label="Forgot password"
          onSubmit={(event) => {
            event.preventDefault();
            forgot.mutate();
          }}
        >
          <Field label="Email" type="email" value={email} onChange={setEmail} autoComplete="email" inputMode="email" autoFocus />
          <FormError error={forgot.error} />
          <button type="submit" className="btn btn-primary" disabled={forgot.isPending}>
            Send reset link
          </button>
        </form>
      )}
    </AuthShell>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/reset-password', { body: { token, new_password: password } })),
  });
  return (
    <AuthShell title="Choose a new password" footer={<Link to="/login">Sign in</Link>}>
      {reset.isSuccess ? (
        <p role="status">{reset.data.message}</p>
      ) : (
        <form
          className="form"
          aria-label="Reset password"
          onSubmit={(event) => {
            event.preventDefault();
            setMismatch(password !== confirm);
            if (password === confirm) reset.mutate();
          }}
        >
          {!token ? <p role="alert">This link has no token. Open the link from the email again.</p> : null}
          <Field label="New password" type="password" value={password} onChange={setPassword} autoComplete="new-password" autoFocus />
          <Field label="Repeat the password" type="password" value={confirm} onChange={setConfirm} autoComplete="new-password" />
          {mismatch ? (
            <p className="form-error" role="alert">
              The passwords differ.
            </p>
          ) : null}
          <FormError error={reset.error} />
          <button type="submit" className="btn btn-primary" disabled={reset.isPending || !token}>
            Set password
          </button>
        </form>
      )}
    </AuthShell>
  );
}
