import type { Webhook } from '../../api/developers';

const TONES: Record<string, string> = { active: 'bull', disabled: 'muted', auto_disabled: 'bear' };

/** An endpoint's status; auto-disabled ones say why on hover. */
export function WebhookStatus({ endpoint }: { endpoint: Webhook }) {
  const label = endpoint.status === 'auto_disabled' ? 'auto-disabled' : endpoint.status;
  return (
    <span
      className={`badge badge-${TONES[endpoint.status] ?? 'muted'}`}
      title={endpoint.disabled_reason ?? undefined}
      data-testid="webhook-status"
    >
      {label}
    </span>
  );
}
