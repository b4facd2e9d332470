import { useMutation } from '@tanstack/react-query';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { api, unwrapData } from '../../api/client';
import { useMe } from '../../api/queries';
import type { Me } from '../../api/types';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { UpgradePrompt } from '../../components/UpgradePrompt';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { NotFound } from '../NotFound';
import { ApiKeysPage } from './ApiKeysPage';
import { WebhookPage } from './WebhookPage';
import { WebhooksPage } from './WebhooksPage';

/** Premium (admins as premium) unlocks both pages; the server refuses the rest with 403
 * tier_required anyway, this only saves a round trip and explains first. */
function unlocked(me: Me): boolean {
  return me.is_admin || (me.limits.api_keys && me.limits.webhooks);
}

function WhatYouGet() {
  return (
    <section className="panel" aria-labelledby="dev-what-title">
      <h2 id="dev-what-title">Build on CryptoLens</h2>
      <ul className="unlock-list">
        <li>
          <strong>API keys</strong>: call the REST API from your own code with scoped keys (read patterns, signals, candles, the matrix and
          statistics; start scans), each with its own rate limits, IP allow and deny lists, an expiry and a daily usage chart.
        </li>
        <li>
          <strong>Webhooks</strong>: new and updated signals (and patterns, if you want them) POSTed to your server as they happen, filtered
          by symbol, direction and confluence, signed (Standard Webhooks), retried for a day, with a delivery log you can inspect and
          replay.
        </li>
      </ul>
      <p className="muted small">
        The <a href="/api/docs">interactive API docs</a> describe every route.
      </p>
    </section>
  );
}

function VerifyFirst({ me }: { me: Me }) {
  const resend = useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/auth/resend-verification', { body: { email: me.email } })),
  });
  return (
    <section className="state state-error" role="alert" data-testid="verify-first">
      <strong>Verify your email address first</strong>
      <p className="state-message">API keys and webhooks need a verified email. Follow the link we mailed to {me.email}.</p>
      {resend.isSuccess ? (
        <p className="ok">{resend.data.message}</p>
      ) : (
        <button type="button" className="btn" onClick={() => resend.mutate()} disabled={resend.isPending}>
          Send the link again
        </button>
      )}
      <FormError error={resend.error} />
    </section>
  );
}

/** /developers: API keys and webhooks for premium users; free and pro users see what the
 * premium tier would unlock. */
export default function DevelopersPage() {
  useDocumentTitle('Developers');
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (me.isError) return <ErrorState error={me.error} />;
  const open = unlocked(me.data);
  return (
    <div className="page developers">
      <div className="page-head">
        <h1>Developers</h1>
        <nav className="dev-tabs" aria-label="Developers">
          <NavLink to="/developers/api-keys">API keys</NavLink>
          <NavLink to="/developers/webhooks">Webhooks</NavLink>
          <a href="/api/docs">API docs ↗</a>
        </nav>
      </div>
      {!open ? (
        <>
          <UpgradePrompt message="API keys and webhooks are part of the premium tier" tier="premium" />
          <WhatYouGet />
        </>
      ) : !me.data.is_verified ? (
        <VerifyFirst me={me.data} />
      ) : (
        <Routes>
          <Route index element={<Navigate to="api-keys" replace />} />
          <Route path="api-keys" element={<ApiKeysPage me={me.data} />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="webhooks/:id" element={<WebhookPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      )}
    </div>
  );
}
