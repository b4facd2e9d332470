/**
 * Generated from the backend OpenAPI document by scripts/openapi.mjs (`make openapi`).
 * Do not edit by hand: `npm test` fails when this file is stale.
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health of the service and its dependencies
         * @description **Access:** public.
         */
        get: operations["health-check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: answers without touching any dependency
         * @description **Access:** public.
         */
        get: operations["health-live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log of admin writes
         * @description **Access:** admin session.
         */
        get: operations["admin-audit-log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/broadcast-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Broadcast templates, newest first
         * @description **Access:** admin session.
         */
        get: operations["admin-broadcast-templates"];
        put?: never;
        /**
         * Create a broadcast template
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-broadcast-template-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/broadcast-templates/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One broadcast template
         * @description **Access:** admin session.
         */
        get: operations["admin-broadcast-template"];
        put?: never;
        post?: never;
        /**
         * Delete a broadcast template (broadcasts made from it keep their text)
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["admin-broadcast-template-delete"];
        options?: never;
        head?: never;
        /**
         * Change a broadcast template's fields
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["admin-broadcast-template-update"];
        trace?: never;
    };
    "/api/v1/admin/broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Broadcasts, newest first
         * @description **Access:** admin session.
         */
        get: operations["admin-broadcasts"];
        put?: never;
        /**
         * Send a broadcast now (202, `sending`) or schedule it (201, `scheduled`)
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-broadcast-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/broadcasts/{broadcast_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One broadcast with its totals
         * @description **Access:** admin session.
         */
        get: operations["admin-broadcast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/broadcasts/{broadcast_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a scheduled broadcast
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-broadcast-cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/broadcasts/audience": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many users a broadcast to these tiers would reach now (counts only)
         * @description **Access:** admin session.
         */
        get: operations["admin-broadcast-audience"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Error groups, last seen first, filtered
         * @description **Access:** admin session.
         */
        get: operations["admin-errors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/errors/{error_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An error group with its latest occurrences and daily counts
         * @description **Access:** admin session.
         */
        get: operations["admin-error"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/errors/{error_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set an error group's status (new, acknowledged, resolved, ignored), with a note
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-error-status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/errors/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Occurrences and new groups per UTC day, groups by status, the top 10
         * @description **Access:** admin session.
         */
        get: operations["admin-error-stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cron jobs: schedule, queue, switch, last run and the last 24 h
         * @description **Access:** admin session or an admin's API key with admin:scheduler. Send an admin's API key with `admin:scheduler` (`X-API-Key` or `Authorization: Bearer`), or call it signed in as an admin. **Rate limit:** the API key's own limits (none for an admin session) (see the RateLimit headers).
         */
        get: operations["admin-jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Switch a cron job on or off
         * @description **Access:** admin session or an admin's API key with admin:scheduler. Send an admin's API key with `admin:scheduler` (`X-API-Key` or `Authorization: Bearer`), or call it signed in as an admin. With the session cookie, send `X-CSRF-Token`. **Rate limit:** the API key's own limits (none for an admin session) (see the RateLimit headers).
         */
        patch: operations["admin-job-update"];
        trace?: never;
    };
    "/api/v1/admin/jobs/{name}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a cron job now (even when switched off)
         * @description Enqueues the job now. When a copy with the same arguments is already queued or running, no other is queued: `data.job_id` is that copy's and `meta.deduplicated` is true (false otherwise).
         *
         *     **Access:** admin session or an admin's API key with admin:scheduler. Send an admin's API key with `admin:scheduler` (`X-API-Key` or `Authorization: Bearer`), or call it signed in as an admin. With the session cookie, send `X-CSRF-Token`. **Rate limit:** the API key's own limits (none for an admin session) (see the RateLimit headers).
         */
        post: operations["admin-job-run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The run history, newest first
         * @description **Access:** admin session or an admin's API key with admin:scheduler. Send an admin's API key with `admin:scheduler` (`X-API-Key` or `Authorization: Bearer`), or call it signed in as an admin. **Rate limit:** the API key's own limits (none for an admin session) (see the RateLimit headers).
         */
        get: operations["admin-job-runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments, newest first, filtered
         * @description **Access:** admin session.
         */
        get: operations["admin-payments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/{payment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment with the provider events recorded for it
         * @description **Access:** admin session.
         */
        get: operations["admin-payment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/{payment_id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a completed payment refunded (the money goes back at the provider)
         * @description Applies the refund rule: the refund of the payment funding the current period suspends the subscription at once (free now), of a scheduled downgrade clears the schedule, of any other payment changes no subscription. Audited with the reason.
         *
         *     **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-refund-payment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The runtime settings: value in force, default and valid range of each
         * @description **Access:** admin session.
         */
        get: operations["admin-settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/settings/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Store a runtime setting (used from the next job run; API processes within 10 s)
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        put: operations["admin-setting-update"];
        post?: never;
        /**
         * Restore a runtime setting's default (the environment's value)
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["admin-setting-reset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users and subscriptions by tier, revenue by month, activity by day
         * @description Users (total, active, verified) by tier now, admins counted as premium; subscriptions conferring a tier now by plan, lifetime, in grace, expiring within 7 days; revenue per UTC month of completed_at (completed payments, refunds apart; USD); per UTC day, signals created, patterns confirmed and signal pushes sent, failed and skipped. Counted at most every 5 minutes (`generated_at` says when).
         *
         *     **Access:** admin session.
         */
        get: operations["admin-stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscriptions, newest first (expiring_within_days: soonest expiry first)
         * @description **Access:** admin session.
         */
        get: operations["admin-subscriptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/symbols": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The data source's symbols with freshness and coverage, newest added first
         * @description **Access:** admin session.
         */
        get: operations["admin-symbols"];
        put?: never;
        /**
         * Follow a listed spot market (or re-enable a disabled one) and queue its backfill
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-symbols-add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/symbols/{symbol}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Enable (backfilling from the newest stored candle) or disable (soft delete)
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["admin-symbols-update"];
        trace?: never;
    };
    "/api/v1/admin/symbols/load-markets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a job adding each active spot market of a quote as an inactive symbol
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-symbols-load-markets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users, newest first, filtered
         * @description **Access:** admin session.
         */
        get: operations["admin-users"];
        put?: never;
        /**
         * Create a user (optionally with a plan); unverified ones get a verification mail
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-create-user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user with subscription, open sessions, failed sign-ins, latest deliveries
         * @description **Access:** admin session.
         */
        get: operations["admin-user"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change is_active, is_verified or is_admin (deactivating or a rights change signs the user out)
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["admin-update-user"];
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/end-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the user out everywhere (yourself: every session but this one)
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-end-user-sessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/subscription/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an active subscription: access until expires_at (a lifetime one ends now)
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-cancel-subscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/subscription/grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a plan for days (added to the current end) or for life
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-grant-subscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/subscription/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a suspended or cancelled subscription within its grace days
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-reactivate-subscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/subscription/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend an active or cancelled subscription: free at once
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-suspend-subscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear the sign-in lock and the failure count
         * @description **Access:** admin session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["admin-unlock-user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's API keys (never the key itself: its prefix)
         * @description **Access:** session, premium tier, verified email.
         */
        get: operations["api-keys-list"];
        put?: never;
        /**
         * Create a key; the answer holds the key, shown this once
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["api-keys-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a key (at once in this process, within seconds in the others)
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["api-keys-revoke"];
        options?: never;
        head?: never;
        /**
         * Change a key's name, scopes, limits, IP rules or expiry
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["api-keys-update"];
        trace?: never;
    };
    "/api/v1/api-keys/{key_id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A key's requests and refusals per UTC day (counted within about a minute)
         * @description **Access:** session, premium tier, verified email.
         */
        get: operations["api-keys-usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/backup-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the backup codes (needs an authenticator code); shown once
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["auth-2fa-backup-codes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-factor sign-in off (password and a code or backup code)
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 5/minute (see the RateLimit headers).
         */
        post: operations["auth-2fa-disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-factor sign-in on with a code; returns the backup codes once
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["auth-2fa-enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start two-factor set-up: the secret, its otpauth URI and a QR code
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["auth-2fa-setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password; other sessions end and this one gets a new cookie
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 5/minute (see the RateLimit headers).
         */
        post: operations["auth-change-password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Set the CSRF cookie and return its token (call it first)
         * @description **Access:** public.
         */
        get: operations["auth-csrf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a password reset link (same answer for any email)
         * @description **Access:** public. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 3/hour (see the RateLimit headers).
         */
        post: operations["auth-forgot-password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password (then /login/totp when TOTP is on)
         * @description **Access:** public. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 5/minute (see the RateLimit headers).
         */
        post: operations["auth-login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second sign-in step: an authenticator code or a backup code
         * @description **Access:** public. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 10/minute (see the RateLimit headers).
         */
        post: operations["auth-login-totp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session
         * @description **Access:** public. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["auth-logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every session of the account, this one included
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["auth-logout-all"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user: profile, tier and what it allows
         * @description **Access:** session.
         */
        get: operations["auth-me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the display name, the time zone or the theme
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["auth-update-me"];
        trace?: never;
    };
    "/api/v1/auth/me/watchlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The symbols the user follows
         * @description **Access:** session.
         */
        get: operations["auth-get-watchlist"];
        /**
         * Replace the watchlist (pro: up to 5 symbols; free: BTC/USDT only)
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        put: operations["auth-put-watchlist"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account (free tier) and mail the verification link
         * @description **Access:** public. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 3/hour (see the RateLimit headers).
         */
        post: operations["auth-register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/resend-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a new verification link (same answer for any email)
         * @description **Access:** public. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 3/hour (see the RateLimit headers).
         */
        post: operations["auth-resend-verification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the mailed token; every session ends
         * @description **Access:** public. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 5/hour (see the RateLimit headers).
         */
        post: operations["auth-reset-password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account's live sessions (the current one marked)
         * @description **Access:** session.
         */
        get: operations["auth-list-sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of the account's sessions
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["auth-end-session"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the email address with the mailed token
         * @description **Access:** public. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 20/hour (see the RateLimit headers).
         */
        post: operations["auth-verify-email"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the subscription: access stays until the end of the paid period
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["billing-cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start paying for a plan: a new checkout (201), or the pending one reused (200)
         * @description **Access:** session, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["billing-checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/fake-checkout/{payment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fake provider's checkout page: what is being paid
         * @description **Access:** session.
         */
        get: operations["billing-fake-checkout"];
        put?: never;
        /**
         * Pay or decline on the fake checkout page (the server sends the signed event)
         * @description **Access:** session. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["billing-fake-checkout-outcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's payments, newest first
         * @description **Access:** session.
         */
        get: operations["billing-payments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/payments/{payment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the caller's payments (poll it until `final`)
         * @description **Access:** session.
         */
        get: operations["billing-payment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The plans: monthly and yearly prices, the saving, and what each tier allows
         * @description **Access:** public.
         */
        get: operations["billing-plans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's subscription: tier now, end or renewal, a scheduled change
         * @description **Access:** session.
         */
        get: operations["billing-subscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/webhooks/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment provider's signed event (no session, no CSRF)
         * @description **Access:** signed link.
         */
        post: operations["billing-webhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fetch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a fetch of one symbol's candles
         * @description Queues one fetch job: every timeframe as the minute's fetch does, or only `timeframe` (a detection timeframe; any other is a 422). Scope `write:fetch`; 5 a minute per user. Follow it with GET /jobs/{id}.
         *
         *     **Access:** API key with write:fetch (or a session). Send an API key with `write:fetch` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. With the session cookie, send `X-CSRF-Token`. **Rate limit:** the API key's own limits (or the session user's), 5/minute (see the RateLimit headers).
         */
        post: operations["jobs-fetch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The status of one of your scan or fetch requests
         * @description Read from what its jobs recorded as they ran. Either scope, `write:scan` or `write:fetch`, reads any of the caller's requests; another user's is a 404.
         *
         *     **Access:** API key with write:scan (or a session). Send an API key with `write:scan` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["jobs-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal/{entry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a journal entry
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["portfolios-delete-journal-entry"];
        options?: never;
        head?: never;
        /**
         * Change an entry's type, mood or text
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["portfolios-update-journal-entry"];
        trace?: never;
    };
    "/api/v1/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pattern matrix: symbols x timeframes, newest active pattern per cell
         * @description **Access:** API key with read:matrix (or a session). Send an API key with `read:matrix` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["signals-matrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's delivery history, newest first
         * @description **Access:** session, verified email.
         */
        get: operations["notifications-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mute a symbol for 24 h from a push's signed link (no session needed)
         * @description **Access:** signed link. **Rate limit:** 30/minute (see the RateLimit headers).
         */
        post: operations["notifications-mute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notification preferences, topic and tier limits
         * @description **Access:** session, verified email.
         */
        get: operations["notifications-get-preferences"];
        /**
         * Replace the caller's notification preferences (within the tier)
         * @description **Access:** session, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        put: operations["notifications-put-preferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one test push to the caller's topic (3 an hour)
         * @description **Access:** session, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["notifications-test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/topic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the caller's secret NTFY topic (the old one stops receiving)
         * @description **Access:** session, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["notifications-regenerate-topic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patterns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Patterns, newest confirmed first
         * @description **Access:** API key with read:patterns (or a session). Send an API key with `read:patterns` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["patterns-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patterns/{pattern_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One pattern with its lifecycle
         * @description **Access:** API key with read:patterns (or a session). Send an API key with `read:patterns` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["patterns-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's portfolios, oldest first, with their derived balance
         * @description **Access:** session, pro tier.
         */
        get: operations["portfolios-list"];
        put?: never;
        /**
         * A new portfolio (pro: one)
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["portfolios-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolios/{portfolio_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One portfolio: balance = initial balance + the closed trades' pnl
         * @description **Access:** session, pro tier.
         */
        get: operations["portfolios-get"];
        put?: never;
        post?: never;
        /**
         * Delete a portfolio and its trades (soft: purged after 30 days)
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["portfolios-delete"];
        options?: never;
        head?: never;
        /**
         * Change name, description, currency or initial balance
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["portfolios-update"];
        trace?: never;
    };
    "/api/v1/portfolios/{portfolio_id}/equity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The equity curve: the start, then the balance after each closed trade
         * @description A first point (the earlier of the portfolio's creation and the earliest entry of a closed trade, at the initial balance), then one per closed trade in exit_time, id order. Balances are cumulative from the start whatever the window [since, until). Paged like candles: `limit` points (500, at most 2,000) and `meta.next_cursor` for the next ones.
         *
         *     **Access:** session, pro tier.
         */
        get: operations["portfolios-equity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolios/{portfolio_id}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The trades as a CSV file (RFC 4180, UTF-8 with BOM), streamed
         * @description Filters status, symbol and [since, until) on entry_time; rows by entry_time, then id (plans without an entry time last). At most 100,000 rows (else 422 `export_too_large`), 10 files an hour per user. Errors are JSON envelopes.
         *
         *     **Access:** session, pro tier. **Rate limit:** 10/hour (see the RateLimit headers).
         */
        get: operations["portfolios-export-csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolios/{portfolio_id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics over the closed trades: rates, averages, expectancy, drawdown, groups
         * @description Over the closed trades whose exit_time is in [since, until) and that match symbol, direction and tag; the pending, open and cancelled counts follow the filters other than the time window. Breakeven trades (pnl 0) are in no rate or average; a zero denominator gives null. max_drawdown is on the equity curve of the counted trades from the initial balance.
         *
         *     **Access:** session, pro tier.
         */
        get: operations["portfolios-stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolios/{portfolio_id}/trades": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The portfolio's trades, newest first (plans without an entry time, then entry time, then id), filtered, a page at a time
         * @description **Access:** session, pro tier.
         */
        get: operations["portfolios-trades"];
        put?: never;
        /**
         * Record a trade: open (default) or pending (a plan); pro: 5 a day
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["portfolios-create-trade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a scan of the given symbols, or of every one your tier shows
         * @description Queues one scan job per symbol (new candles, detection, signals: what the minute's scan does). Scope `write:scan`; 1 a minute per user. Follow it with GET /jobs/{id}.
         *
         *     **Access:** API key with write:scan (or a session). Send an API key with `write:scan` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. With the session cookie, send `X-CSRF-Token`. **Rate limit:** the API key's own limits (or the session user's), 1/minute (see the RateLimit headers).
         */
        post: operations["jobs-scan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signals, newest first, each with its setup's record at creation
         * @description **Access:** API key with read:signals (or a session). Send an API key with `read:signals` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["signals-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/{signal_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One signal: levels, contributing patterns, status history, outcome, setup stats
         * @description **Access:** API key with read:signals (or a session). Send an API key with `read:signals` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["signals-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signals/{signal_id}/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pending trade from a signal (entry, stop, take_profit_2), in one call
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["portfolios-journal-signal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics over the caller's tier: symbols, active patterns, signals today, overall hit rate
         * @description **Access:** API key with read:stats (or a session). Send an API key with `read:stats` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["signals-stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/setups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hit rates per anchor type x timeframe x symbol, per symbol and overall
         * @description **Access:** API key with read:stats (or a session). Send an API key with `read:stats` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["signals-setup-stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events: pattern.created/updated, signal.created/updated (text/event-stream)
         * @description Each event's `data` is the full object, the JSON `GET /api/v1/patterns/{id}` or `GET /api/v1/signals/{id}` returns (as of the event), and only events the caller's lists would show are sent. Reconnect with `Last-Event-ID` to get what was missed.
         *
         *     **Access:** API key with read:signals (or a session). Send an API key with `read:signals` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["signals-stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/symbols": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active symbols with freshness, last price and 24 h change
         * @description **Access:** API key with read:symbols (or a session). Send an API key with `read:symbols` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["market-list-symbols"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/symbols/{symbol}/candles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Candles of one symbol and timeframe, ascending by time, and the forming one
         * @description Paging: with `start`, the first `limit` candles from it and `meta.next_cursor` the next page's `start`; without, the newest `limit` candles up to `end` (or now) and `meta.next_cursor` the next older page's `end`, absent once the first stored candle is on the page.
         *
         *     `include_forming=true` adds the forming candle after the closed ones when the page reaches it: the bucket of the newest stored 1m candle, built from its minutes so far (open of the first, high and low the extremes, close of the newest, volume summed), while that bucket's closed candle is not stored yet. Its close is the symbol's `last_price`. It comes in addition to `limit`, flagged `forming: true` (the compact form puts it in `forming`, never in `rows`). 1m has no forming candle: 1m candles are stored once closed, so the newest one already closes at `last_price`.
         *
         *     **Access:** API key with read:candles (or a session). Send an API key with `read:candles` (`X-API-Key` or `Authorization: Bearer`), or call it signed in. **Rate limit:** the API key's own limits (or the session user's) (see the RateLimit headers).
         */
        get: operations["market-list-candles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's tags, by name (at most 200)
         * @description **Access:** session, pro tier.
         */
        get: operations["portfolios-tags"];
        put?: never;
        /**
         * A new tag: name unique ignoring case, color #RRGGBB (200 a user)
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["portfolios-create-tag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{tag_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a tag; it leaves every trade that had it
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["portfolios-delete-tag"];
        options?: never;
        head?: never;
        /**
         * Rename, recolour or describe a tag
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["portfolios-update-tag"];
        trace?: never;
    };
    "/api/v1/trades/{trade_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the caller's trades
         * @description **Access:** session, pro tier.
         */
        get: operations["portfolios-trade"];
        put?: never;
        post?: never;
        /**
         * Delete a trade (a closed one's pnl leaves the balance)
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["portfolios-delete-trade"];
        options?: never;
        head?: never;
        /**
         * Correct a trade or set its tags (not its status); a closed trade's pnl is recomputed
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["portfolios-update-trade"];
        trace?: never;
    };
    "/api/v1/trades/{trade_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * pending -> cancelled
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["portfolios-cancel-trade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trades/{trade_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * open -> closed at a price or at market (the newest stored 1m close)
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["portfolios-close-trade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trades/{trade_id}/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The trade's journal entries, oldest first
         * @description **Access:** session, pro tier.
         */
        get: operations["portfolios-journal"];
        put?: never;
        /**
         * Add a note to a trade (up to 100 a trade)
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["portfolios-add-journal-entry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trades/{trade_id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * pending -> open, with a quantity by then
         * @description **Access:** session, pro tier. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["portfolios-open-trade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's webhook endpoints
         * @description **Access:** session, premium tier, verified email.
         */
        get: operations["webhooks-list"];
        put?: never;
        /**
         * Add an endpoint (the secret is shown in this answer only)
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["webhooks-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{endpoint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the caller's endpoints
         * @description **Access:** session, premium tier, verified email.
         */
        get: operations["webhooks-get"];
        put?: never;
        post?: never;
        /**
         * Remove an endpoint with its log and pending deliveries
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        delete: operations["webhooks-delete"];
        options?: never;
        head?: never;
        /**
         * Change url, description, events, filters; enable or disable
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        patch: operations["webhooks-update"];
        trace?: never;
    };
    "/api/v1/webhooks/{endpoint_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's deliveries, newest first
         * @description **Access:** session, premium tier, verified email.
         */
        get: operations["webhooks-deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{endpoint_id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One delivery: the body sent and every attempt
         * @description **Access:** session, premium tier, verified email.
         */
        get: operations["webhooks-delivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One more attempt of a finished delivery, now (10 a minute)
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 10/minute (see the RateLimit headers).
         */
        post: operations["webhooks-redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{endpoint_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new secret (shown once); the previous one also signs for 24 h
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`.
         */
        post: operations["webhooks-rotate-secret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{endpoint_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a signed webhook.test event now (one attempt, 5 a minute)
         * @description **Access:** session, premium tier, verified email. With the session cookie, send `X-CSRF-Token`. **Rate limit:** 5/minute (see the RateLimit headers).
         */
        post: operations["webhooks-test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AdminPaymentDetailOut */
        AdminPaymentDetailOut: {
            /**
             * Amount
             * @description The plan's price for the cycle
             * @example 19.00
             */
            amount: string;
            /**
             * Checkout Expires At
             * @description Payable until (pending only) (ISO-8601 date-time, UTC)
             */
            checkout_expires_at: string | null;
            /**
             * Completed At
             * @description ISO-8601 date-time, UTC
             */
            completed_at: string | null;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Cycle
             * @enum {string}
             */
            cycle: "monthly" | "yearly";
            /**
             * Email
             * @description The user's email address
             */
            email: string | null;
            /**
             * Events
             * @description Provider events recorded, oldest first
             */
            events: components["schemas"]["PaymentEventOut"][];
            /**
             * Expires At
             * @description End of the period it funded (ISO-8601 date-time, UTC)
             */
            expires_at: string | null;
            /** Failure Reason */
            failure_reason: string | null;
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "checkout" | "renewal";
            /**
             * Method
             * @description What the user chose
             * @enum {string}
             */
            method: "card" | "crypto";
            /**
             * Paid Amount
             * @description Crypto: what arrived, in paid_currency
             */
            paid_amount: string | null;
            /** Paid Currency */
            paid_currency: string | null;
            /**
             * Period Start
             * @description Start of the period it funded
             */
            period_start: string | null;
            /**
             * Plan
             * @enum {string}
             */
            plan: "pro" | "premium";
            /**
             * Provider
             * @enum {string}
             */
            provider: "card" | "crypto" | "fake";
            /** Provider Checkout Id */
            provider_checkout_id: string | null;
            /**
             * Provider Object Id
             * @description The order, invoice payment or renewal
             */
            provider_object_id: string | null;
            /**
             * Provider Status
             * @description The provider's own last word
             */
            provider_status: string | null;
            /** Provider Subscription Id */
            provider_subscription_id: string | null;
            /**
             * Refunded At
             * @description ISO-8601 date-time, UTC
             */
            refunded_at: string | null;
            /** Refunded By */
            refunded_by: ("provider" | "admin") | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "completed" | "failed" | "expired" | "refunded";
            /**
             * Updated At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            updated_at: string;
            /** User Id */
            user_id: number;
        };
        /** AdminPaymentListOut */
        AdminPaymentListOut: {
            /**
             * Amount
             * @description The plan's price for the cycle
             * @example 19.00
             */
            amount: string;
            /**
             * Checkout Expires At
             * @description Payable until (pending only) (ISO-8601 date-time, UTC)
             */
            checkout_expires_at: string | null;
            /**
             * Completed At
             * @description ISO-8601 date-time, UTC
             */
            completed_at: string | null;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Cycle
             * @enum {string}
             */
            cycle: "monthly" | "yearly";
            /**
             * Email
             * @description The user's email address
             */
            email: string | null;
            /**
             * Expires At
             * @description End of the period it funded (ISO-8601 date-time, UTC)
             */
            expires_at: string | null;
            /** Failure Reason */
            failure_reason: string | null;
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "checkout" | "renewal";
            /**
             * Method
             * @description What the user chose
             * @enum {string}
             */
            method: "card" | "crypto";
            /**
             * Paid Amount
             * @description Crypto: what arrived, in paid_currency
             */
            paid_amount: string | null;
            /** Paid Currency */
            paid_currency: string | null;
            /**
             * Period Start
             * @description Start of the period it funded
             */
            period_start: string | null;
            /**
             * Plan
             * @enum {string}
             */
            plan: "pro" | "premium";
            /**
             * Provider
             * @enum {string}
             */
            provider: "card" | "crypto" | "fake";
            /** Provider Checkout Id */
            provider_checkout_id: string | null;
            /**
             * Provider Object Id
             * @description The order, invoice payment or renewal
             */
            provider_object_id: string | null;
            /**
             * Provider Status
             * @description The provider's own last word
             */
            provider_status: string | null;
            /** Provider Subscription Id */
            provider_subscription_id: string | null;
            /**
             * Refunded At
             * @description ISO-8601 date-time, UTC
             */
            refunded_at: string | null;
            /** Refunded By */
            refunded_by: ("provider" | "admin") | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "completed" | "failed" | "expired" | "refunded";
            /**
             * Updated At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            updated_at: string;
            /** User Id */
            user_id: number;
        };
        /**
         * AdminPaymentOut
         * @description A payment as the user page lists it (billing's PaymentRow).
         */
        AdminPaymentOut: {
            /**
             * Amount
             * @description The plan's price for the cycle
             * @example 19.00
             */
            amount: string;
            /**
             * Completed At
             * @description ISO-8601 date-time, UTC
             */
            completed_at: string | null;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Cycle
             * @enum {string}
             */
            cycle: "monthly" | "yearly";
            /**
             * Expires At
             * @description End of the period it funded (ISO-8601 date-time, UTC)
             */
            expires_at: string | null;
            /** Failure Reason */
            failure_reason: string | null;
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "checkout" | "renewal";
            /**
             * Method
             * @description What the user chose
             * @enum {string}
             */
            method: "card" | "crypto";
            /**
             * Period Start
             * @description Start of the period it funded
             */
            period_start: string | null;
            /**
             * Plan
             * @enum {string}
             */
            plan: "pro" | "premium";
            /**
             * Provider
             * @enum {string}
             */
            provider: "card" | "crypto" | "fake";
            /** Provider Checkout Id */
            provider_checkout_id: string | null;
            /**
             * Provider Object Id
             * @description The order, invoice payment or renewal
             */
            provider_object_id: string | null;
            /**
             * Provider Status
             * @description The provider's own last word
             */
            provider_status: string | null;
            /** Provider Subscription Id */
            provider_subscription_id: string | null;
            /**
             * Refunded At
             * @description ISO-8601 date-time, UTC
             */
            refunded_at: string | null;
            /** Refunded By */
            refunded_by: ("provider" | "admin") | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "completed" | "failed" | "expired" | "refunded";
            /** User Id */
            user_id: number;
        };
        /** AdminSessionOut */
        AdminSessionOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Expires At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            expires_at: string;
            /** Id */
            id: number;
            /** Ip */
            ip: string | null;
            /**
             * Last Seen At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            last_seen_at: string;
            /** User Agent */
            user_agent: string | null;
        };
        /** AdminStatsOut */
        AdminStatsOut: {
            /**
             * Daily
             * @description Oldest day first, today (UTC) last
             */
            daily: components["schemas"]["DayStatsOut"][];
            /** Days */
            days: number;
            /**
             * Generated At
             * Format: date-time
             * @description When these numbers were counted (cached 5 min) (ISO-8601 date-time, UTC)
             */
            generated_at: string;
            /** Months */
            months: number;
            revenue: components["schemas"]["RevenueStatsOut"];
            subscriptions: components["schemas"]["SubscriptionStatsOut"];
            users: components["schemas"]["UserStatsOut"];
        };
        /** AdminSubscriptionOut */
        AdminSubscriptionOut: {
            /**
             * Cancelled At
             * @description ISO-8601 date-time, UTC
             */
            cancelled_at: string | null;
            /**
             * Email
             * @description The user's email address
             */
            email: string | null;
            /**
             * Expires At
             * @description null: lifetime, never expires (ISO-8601 date-time, UTC)
             */
            expires_at: string | null;
            /**
             * Grace Days
             * @description Days an active subscription keeps its tier past expiry
             */
            grace_days: number;
            /**
             * In Grace
             * @description Active, past expires_at, within the grace days
             */
            in_grace: boolean;
            /** Lifetime */
            lifetime: boolean;
            /**
             * Plan
             * @description The tier of the plan (free: a plan no longer offered)
             * @enum {string}
             */
            plan: "pro" | "premium" | "free";
            /**
             * Plan Code
             * @description The stored plan: `pro` or `premium` (admin grants) or a bought plan such as `pro_monthly`
             * @example pro_monthly
             */
            plan_code: string;
            /**
             * Started At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            started_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "cancelled" | "expired" | "suspended";
            /** @description The tier it gives now (free when it gives none) */
            tier: components["schemas"]["Tier"];
            /**
             * Updated At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            updated_at: string;
            /** User Id */
            user_id: number;
        };
        /** AdminSymbolOut */
        AdminSymbolOut: {
            /**
             * Added At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            added_at: string;
            /**
             * Backfilled At
             * @description When its history was last fetched back to the backfill depth (ISO-8601 date-time, UTC)
             */
            backfilled_at: string | null;
            /** Base */
            base: string;
            /**
             * Coverage
             * @description Per detection timeframe, as refresh_stats last counted (empty before)
             */
            coverage: components["schemas"]["TimeframeCoverageOut"][];
            /**
             * Exchange
             * @example binance
             */
            exchange: string;
            /**
             * Freshness
             * @enum {string}
             */
            freshness: "live" | "recent" | "stale" | "old" | "none";
            /** Id */
            id: number;
            /**
             * Is Active
             * @description Fetched and scanned; false: soft-deleted, candles kept
             */
            is_active: boolean;
            /**
             * Is Mandatory
             * @description Cannot be disabled (setting mandatory_symbols)
             */
            is_mandatory: boolean;
            /**
             * Last Candle Time
             * @description Newest 1m open time, ms UTC
             */
            last_candle_time: number | null;
            /**
             * Last Fetch At
             * @description ISO-8601 date-time, UTC
             */
            last_fetch_at: string | null;
            /** Last Fetch Error */
            last_fetch_error: string | null;
            /** Price Precision */
            price_precision: number | null;
            /** Quote */
            quote: string;
            /**
             * Removed At
             * @description ISO-8601 date-time, UTC
             */
            removed_at: string | null;
            /**
             * Symbol
             * @example BTC/USDT
             */
            symbol: string;
            /** Tick Size */
            tick_size: number | null;
            /**
             * Url Symbol
             * @description The form used in URLs
             * @example BTC-USDT
             */
            url_symbol: string;
        };
        /** AdminUserDetailOut */
        AdminUserDetailOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Deliveries
             * @description The 10 latest notification deliveries
             */
            deliveries: components["schemas"]["DeliveryOut"][];
            /** Display Name */
            display_name: string | null;
            /** Email */
            email: string;
            /**
             * Failed Logins
             * @description Consecutive failed sign-ins since the last success
             */
            failed_logins: number;
            /** Id */
            id: number;
            /** Is Active */
            is_active: boolean;
            /** Is Admin */
            is_admin: boolean;
            /** Is Verified */
            is_verified: boolean;
            /**
             * Last Login At
             * @description ISO-8601 date-time, UTC
             */
            last_login_at: string | null;
            /**
             * Locked
             * @description Locked now after failed sign-ins
             */
            locked: boolean;
            /**
             * Locked Until
             * @description ISO-8601 date-time, UTC
             */
            locked_until: string | null;
            /**
             * Payments
             * @description The 10 latest payments, newest first
             */
            payments: components["schemas"]["AdminPaymentOut"][];
            /**
             * Sessions
             * @description Open sessions, last seen first
             */
            sessions: components["schemas"]["AdminSessionOut"][];
            subscription: components["schemas"]["AdminSubscriptionOut"] | null;
            /** @description The tier now (admins: premium) */
            tier: components["schemas"]["Tier"];
            /** Timezone */
            timezone: string;
            /**
             * Two Factor
             * @description Two-factor sign-in is on
             */
            two_factor: boolean;
        };
        /** AdminUserOut */
        AdminUserOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Display Name */
            display_name: string | null;
            /** Email */
            email: string;
            /**
             * Failed Logins
             * @description Consecutive failed sign-ins since the last success
             */
            failed_logins: number;
            /** Id */
            id: number;
            /** Is Active */
            is_active: boolean;
            /** Is Admin */
            is_admin: boolean;
            /** Is Verified */
            is_verified: boolean;
            /**
             * Last Login At
             * @description ISO-8601 date-time, UTC
             */
            last_login_at: string | null;
            /**
             * Locked
             * @description Locked now after failed sign-ins
             */
            locked: boolean;
            /**
             * Locked Until
             * @description ISO-8601 date-time, UTC
             */
            locked_until: string | null;
            /** @description The tier now (admins: premium) */
            tier: components["schemas"]["Tier"];
        };
        /** ApiKeyCreate */
        ApiKeyCreate: {
            /**
             * Expires At
             * @description In the future; none: never (ISO-8601 date-time, UTC)
             */
            expires_at?: string | null;
            /** Ip Allow */
            ip_allow?: string[];
            /** Ip Deny */
            ip_deny?: string[];
            /**
             * Limit Per Day
             * @default 10000
             */
            limit_per_day: number;
            /**
             * Limit Per Hour
             * @default 1000
             */
            limit_per_hour: number;
            /**
             * Limit Per Minute
             * @default 60
             */
            limit_per_minute: number;
            /** Name */
            name: string;
            /**
             * Scopes
             * @description `all`: every non-admin scope
             */
            scopes: (("read:symbols" | "read:candles" | "read:patterns" | "read:signals" | "read:matrix" | "read:stats" | "write:scan" | "write:fetch" | "admin:scheduler") | "all")[];
        };
        /** ApiKeyCreated */
        ApiKeyCreated: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Expires At
             * @description ISO-8601 date-time, UTC
             */
            expires_at: string | null;
            /** Id */
            id: number;
            /** Ip Allow */
            ip_allow: string[];
            /** Ip Deny */
            ip_deny: string[];
            /**
             * Key
             * @description The key itself: shown this once, never again
             */
            key: string;
            /**
             * Last Used At
             * @description ISO-8601 date-time, UTC
             */
            last_used_at: string | null;
            /** Last Used Ip */
            last_used_ip: string | null;
            /** Limit Per Day */
            limit_per_day: number;
            /** Limit Per Hour */
            limit_per_hour: number;
            /** Limit Per Minute */
            limit_per_minute: number;
            /** Name */
            name: string;
            /**
             * Prefix
             * @description The key's first 12 characters, to recognise it
             */
            prefix: string;
            /**
             * Revoked At
             * @description ISO-8601 date-time, UTC
             */
            revoked_at: string | null;
            /** Scopes */
            scopes: string[];
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "revoked" | "expired";
            /** Total Requests */
            total_requests: number;
        };
        /** ApiKeyOut */
        ApiKeyOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Expires At
             * @description ISO-8601 date-time, UTC
             */
            expires_at: string | null;
            /** Id */
            id: number;
            /** Ip Allow */
            ip_allow: string[];
            /** Ip Deny */
            ip_deny: string[];
            /**
             * Last Used At
             * @description ISO-8601 date-time, UTC
             */
            last_used_at: string | null;
            /** Last Used Ip */
            last_used_ip: string | null;
            /** Limit Per Day */
            limit_per_day: number;
            /** Limit Per Hour */
            limit_per_hour: number;
            /** Limit Per Minute */
            limit_per_minute: number;
            /** Name */
            name: string;
            /**
             * Prefix
             * @description The key's first 12 characters, to recognise it
             */
            prefix: string;
            /**
             * Revoked At
             * @description ISO-8601 date-time, UTC
             */
            revoked_at: string | null;
            /** Scopes */
            scopes: string[];
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "revoked" | "expired";
            /** Total Requests */
            total_requests: number;
        };
        /**
         * ApiKeyUpdate
         * @description Only the fields sent change (`expires_at: null` removes the expiry).
         */
        ApiKeyUpdate: {
            /**
             * Expires At
             * @description ISO-8601 date-time, UTC
             */
            expires_at?: string | null;
            /** Ip Allow */
            ip_allow?: string[] | null;
            /** Ip Deny */
            ip_deny?: string[] | null;
            /** Limit Per Day */
            limit_per_day?: number | null;
            /** Limit Per Hour */
            limit_per_hour?: number | null;
            /** Limit Per Minute */
            limit_per_minute?: number | null;
            /** Name */
            name?: string | null;
            /** Scopes */
            scopes?: (("read:symbols" | "read:candles" | "read:patterns" | "read:signals" | "read:matrix" | "read:stats" | "write:scan" | "write:fetch" | "admin:scheduler") | "all")[] | null;
        };
        /** ApiKeyUsageOut */
        ApiKeyUsageOut: {
            /** All Time Requests */
            all_time_requests: number;
            /** Days */
            days: components["schemas"]["UsageDay"][];
            /** Key Id */
            key_id: number;
            /**
             * Last Used At
             * @description ISO-8601 date-time, UTC
             */
            last_used_at: string | null;
            /** Last Used Ip */
            last_used_ip: string | null;
            /** Total Refused */
            total_refused: number;
            /**
             * Total Requests
             * @description Over the days shown
             */
            total_requests: number;
        };
        /** AudienceOut */
        AudienceOut: {
            /**
             * By Tier
             * @description The total per tier asked for
             */
            by_tier: {
                [key: string]: number;
            };
            /**
             * Excluded Notifications Off
             * @description Active, verified users of these tiers with notifications off
             */
            excluded_notifications_off: number;
            /**
             * Excluded Unverified
             * @description Active users of these tiers not verified
             */
            excluded_unverified: number;
            /**
             * Total
             * @description Users a broadcast to these tiers would reach now
             */
            total: number;
        };
        /** AuditEntryOut */
        AuditEntryOut: {
            /** Action */
            action: string;
            /** Actor Email */
            actor_email: string;
            /** Actor Id */
            actor_id: number | null;
            /** After */
            after: {
                [key: string]: unknown;
            } | null;
            /** Before */
            before: {
                [key: string]: unknown;
            } | null;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Id */
            id: number;
            /** Ip */
            ip: string | null;
            /** Request Id */
            request_id: string | null;
            /** Target Id */
            target_id: string | null;
            /** Target Type */
            target_type: string;
        };
        /** BackupCodesOut */
        BackupCodesOut: {
            /**
             * Backup Codes
             * @description Shown once; each works once
             */
            backup_codes: string[];
        };
        /** BillingSubscriptionOut */
        BillingSubscriptionOut: {
            /** Can Cancel */
            can_cancel: boolean;
            /**
             * Cancelled At
             * @description ISO-8601 date-time, UTC
             */
            cancelled_at: string | null;
            /** Cycle */
            cycle: ("monthly" | "yearly") | null;
            /**
             * Expires At
             * @description Null with a plan: never ends (ISO-8601 date-time, UTC)
             */
            expires_at: string | null;
            /** @description The subscribed plan (null: none) */
            plan: components["schemas"]["Tier"] | null;
            /**
             * Renews
             * @description A card subscription renews at expires_at
             */
            renews: boolean;
            /** @description A downgrade paid for, waiting */
            scheduled: components["schemas"]["ScheduledChangeOut"] | null;
            /** Status */
            status: ("active" | "cancelled" | "expired" | "suspended") | null;
            /** @description The tier in effect now */
            tier: components["schemas"]["Tier"];
        };
        /**
         * BroadcastIn
         * @description A template, and/or a title and message (what is sent overrides the template's).
         */
        BroadcastIn: {
            /** Message */
            message?: string | null;
            /**
             * Priority
             * @description Default: the template's, or 3
             */
            priority?: number | null;
            /**
             * Scheduled For
             * @description ISO-8601 with an offset, 1 minute to 90 days ahead; sent in its minute. Absent: sent now
             */
            scheduled_for?: string | null;
            /** Tags */
            tags?: string[] | null;
            /** Template Id */
            template_id?: number | null;
            /**
             * Tiers
             * @description Default: every tier
             */
            tiers?: ("free" | "pro" | "premium")[] | null;
            /** Title */
            title?: string | null;
        };
        /** BroadcastOut */
        BroadcastOut: {
            /**
             * Cancelled At
             * @description ISO-8601 date-time, UTC
             */
            cancelled_at: string | null;
            /**
             * Completed At
             * @description ISO-8601 date-time, UTC
             */
            completed_at: string | null;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Created By */
            created_by: number | null;
            /** Failed */
            failed: number;
            /**
             * Failure Reasons
             * @description The first 10 failures
             */
            failure_reasons: components["schemas"]["FailureOut"][];
            /** Id */
            id: number;
            /** Message */
            message: string;
            /** Priority */
            priority: number;
            /**
             * Queued
             * @description Still to be sent (retries, quiet hours)
             */
            queued: number;
            /**
             * Recipients
             * @description Members of the audience given a delivery
             */
            recipients: number;
            /** Scheduled For */
            scheduled_for: string | null;
            /** Sent */
            sent: number;
            /**
             * Skipped
             * @description Left out at send time (e.g. deactivated meanwhile)
             */
            skipped: number;
            /**
             * Started At
             * @description ISO-8601 date-time, UTC
             */
            started_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "scheduled" | "sending" | "completed" | "cancelled";
            /** Tags */
            tags: string[];
            /** Template Id */
            template_id: number | null;
            /** Tiers */
            tiers: ("free" | "pro" | "premium")[];
            /** Title */
            title: string;
        };
        /** CancelIn */
        CancelIn: {
            /** Exit Notes */
            exit_notes?: string | null;
        };
        /**
         * CandleOut
         * @example {
         *       "close": 68123.45,
         *       "high": 68150.5,
         *       "low": 68090.1,
         *       "open": 68100,
         *       "time": 1710000000000,
         *       "volume": 12.3456
         *     }
         */
        CandleOut: {
            /** Close */
            close: number;
            /**
             * Forming
             * @description true for the forming candle (`include_forming=true`): its bucket is still open and it changes with every new minute
             * @default false
             */
            forming: boolean;
            /** High */
            high: number;
            /** Low */
            low: number;
            /** Open */
            open: number;
            /**
             * Time
             * @description open time, ms since the epoch, UTC
             */
            time: number;
            /** Volume */
            volume: number;
        };
        /** ChangePasswordIn */
        ChangePasswordIn: {
            /** Current Password */
            current_password: string;
            /** New Password */
            new_password: string;
        };
        /** CheckoutIn */
        CheckoutIn: {
            /**
             * Cycle
             * @enum {string}
             */
            cycle: "monthly" | "yearly";
            /**
             * Method
             * @description card, or crypto (one period, paid in a coin)
             * @enum {string}
             */
            method: "card" | "crypto";
            /**
             * Plan
             * @enum {string}
             */
            plan: "pro" | "premium";
        };
        /** CheckoutOut */
        CheckoutOut: {
            /**
             * Checkout Url
             * @example https://checkout.example.com/c/8f2a
             */
            checkout_url: string;
            /** Payment Id */
            payment_id: number;
            /**
             * Reused
             * @description A pending checkout of the same choice was handed back
             */
            reused: boolean;
        };
        /**
         * CloseIn
         * @description Exactly one of exit_price and `at_market: true` (the newest stored 1m close).
         */
        CloseIn: {
            /**
             * At Market
             * @default false
             */
            at_market: boolean;
            /** Exit Notes */
            exit_notes?: string | null;
            /** Exit Price */
            exit_price?: (number | string) | null;
            /**
             * Exit Time
             * @description ISO-8601 date-time, UTC
             */
            exit_time?: string | null;
            /** Fees */
            fees?: (number | string) | null;
        };
        /** CodeIn */
        CodeIn: {
            /**
             * Code
             * @description 6-digit authenticator code or a backup code
             */
            code: string;
        };
        /**
         * CompactCandles
         * @description `?format=compact`: the same candles as rows of numbers, a third of the bytes.
         * @example {
         *       "columns": [
         *         "time",
         *         "open",
         *         "high",
         *         "low",
         *         "close",
         *         "volume"
         *       ],
         *       "rows": [
         *         [
         *           1710000000000,
         *           68100,
         *           68150.5,
         *           68090.1,
         *           68123.45,
         *           12.3456
         *         ]
         *       ]
         *     }
         */
        CompactCandles: {
            /**
             * Columns
             * @description the meaning of each row's values, in order
             */
            columns: string[];
            /**
             * Forming
             * @description the forming candle as a row of `columns` (`include_forming=true`), or null
             */
            forming?: (number)[] | null;
            /**
             * Rows
             * @description one row per closed candle, ascending by time
             */
            rows: (number)[][];
        };
        /** CsrfOut */
        CsrfOut: {
            /**
             * Csrf Token
             * @description Echo it in the X-CSRF-Token header of unsafe requests
             */
            csrf_token: string;
        };
        /** DayStatsOut */
        DayStatsOut: {
            /**
             * Day
             * Format: date
             * @description The UTC day
             */
            day: string;
            /** Deliveries Failed */
            deliveries_failed: number;
            /**
             * Deliveries Sent
             * @description Signal pushes created that day, now sent
             */
            deliveries_sent: number;
            /** Deliveries Skipped */
            deliveries_skipped: number;
            /** Patterns Confirmed */
            patterns_confirmed: number;
            /** Signals Created */
            signals_created: number;
        };
        /** DeletedOut */
        DeletedOut: {
            /** Message */
            message: string;
        };
        /** DeliveryOut */
        DeliveryOut: {
            /** Attempts */
            attempts: number;
            /**
             * Broadcast Id
             * @description The admin broadcast pushed (null for a signal)
             */
            broadcast_id: number | null;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Id */
            id: number;
            /**
             * Reason
             * @description Why it was skipped or failed (a code)
             * @example symbol_not_in_tier
             */
            reason: string | null;
            /**
             * Reason Text
             * @description The reason as a sentence to show (null with no reason)
             * @example Your plan does not include this symbol.
             */
            readonly reason_text: string | null;
            /**
             * Sent At
             * @description ISO-8601 date-time, UTC
             */
            sent_at: string | null;
            /**
             * Signal Id
             * @description The signal pushed (null for a broadcast)
             */
            signal_id: number | null;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "sent" | "failed" | "skipped";
            /**
             * Symbol
             * @description The signal's symbol (empty for a broadcast)
             */
            symbol: string;
            /** Title */
            title: string;
        };
        /** DisableTwoFactorIn */
        DisableTwoFactorIn: {
            /**
             * Code
             * @description 6-digit authenticator code or a backup code
             */
            code: string;
            /** Password */
            password: string;
        };
        /** EmailIn */
        EmailIn: {
            /**
             * Email
             * @example trader@example.com
             */
            email: string;
        };
        /** EndedSessionsOut */
        EndedSessionsOut: {
            /**
             * Ended
             * @description Sessions ended
             */
            ended: number;
        };
        /** Envelope[AdminPaymentDetailOut] */
        Envelope_AdminPaymentDetailOut_: {
            data: components["schemas"]["AdminPaymentDetailOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[AdminStatsOut] */
        Envelope_AdminStatsOut_: {
            data: components["schemas"]["AdminStatsOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[AdminSubscriptionOut] */
        Envelope_AdminSubscriptionOut_: {
            data: components["schemas"]["AdminSubscriptionOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[AdminUserDetailOut] */
        Envelope_AdminUserDetailOut_: {
            data: components["schemas"]["AdminUserDetailOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[AdminUserOut] */
        Envelope_AdminUserOut_: {
            data: components["schemas"]["AdminUserOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[ApiKeyCreated] */
        Envelope_ApiKeyCreated_: {
            data: components["schemas"]["ApiKeyCreated"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[ApiKeyOut] */
        Envelope_ApiKeyOut_: {
            data: components["schemas"]["ApiKeyOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[ApiKeyUsageOut] */
        Envelope_ApiKeyUsageOut_: {
            data: components["schemas"]["ApiKeyUsageOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[AudienceOut] */
        Envelope_AudienceOut_: {
            data: components["schemas"]["AudienceOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[BackupCodesOut] */
        Envelope_BackupCodesOut_: {
            data: components["schemas"]["BackupCodesOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[BillingSubscriptionOut] */
        Envelope_BillingSubscriptionOut_: {
            data: components["schemas"]["BillingSubscriptionOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[BroadcastOut] */
        Envelope_BroadcastOut_: {
            data: components["schemas"]["BroadcastOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[CheckoutOut] */
        Envelope_CheckoutOut_: {
            data: components["schemas"]["CheckoutOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[CsrfOut] */
        Envelope_CsrfOut_: {
            data: components["schemas"]["CsrfOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[DeletedOut] */
        Envelope_DeletedOut_: {
            data: components["schemas"]["DeletedOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[EndedSessionsOut] */
        Envelope_EndedSessionsOut_: {
            data: components["schemas"]["EndedSessionsOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[ErrorGroupDetailOut] */
        Envelope_ErrorGroupDetailOut_: {
            data: components["schemas"]["ErrorGroupDetailOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[ErrorGroupFullOut] */
        Envelope_ErrorGroupFullOut_: {
            data: components["schemas"]["ErrorGroupFullOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[ErrorStatsOut] */
        Envelope_ErrorStatsOut_: {
            data: components["schemas"]["ErrorStatsOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[FakeCheckoutOut] */
        Envelope_FakeCheckoutOut_: {
            data: components["schemas"]["FakeCheckoutOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[GlobalStatsOut] */
        Envelope_GlobalStatsOut_: {
            data: components["schemas"]["GlobalStatsOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[HealthOut] */
        Envelope_HealthOut_: {
            data: components["schemas"]["HealthOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[JobOut] */
        Envelope_JobOut_: {
            data: components["schemas"]["JobOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[JobRequestOut] */
        Envelope_JobRequestOut_: {
            data: components["schemas"]["JobRequestOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[JobRunNowOut] */
        Envelope_JobRunNowOut_: {
            data: components["schemas"]["JobRunNowOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[JournalEntryOut] */
        Envelope_JournalEntryOut_: {
            data: components["schemas"]["JournalEntryOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[JournalSignalOut] */
        Envelope_JournalSignalOut_: {
            data: components["schemas"]["JournalSignalOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[AdminPaymentListOut]] */
        Envelope_list_AdminPaymentListOut__: {
            /** Data */
            data: components["schemas"]["AdminPaymentListOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[AdminSubscriptionOut]] */
        Envelope_list_AdminSubscriptionOut__: {
            /** Data */
            data: components["schemas"]["AdminSubscriptionOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[AdminSymbolOut]] */
        Envelope_list_AdminSymbolOut__: {
            /** Data */
            data: components["schemas"]["AdminSymbolOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[AdminUserOut]] */
        Envelope_list_AdminUserOut__: {
            /** Data */
            data: components["schemas"]["AdminUserOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[ApiKeyOut]] */
        Envelope_list_ApiKeyOut__: {
            /** Data */
            data: components["schemas"]["ApiKeyOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[AuditEntryOut]] */
        Envelope_list_AuditEntryOut__: {
            /** Data */
            data: components["schemas"]["AuditEntryOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[BroadcastOut]] */
        Envelope_list_BroadcastOut__: {
            /** Data */
            data: components["schemas"]["BroadcastOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[DeliveryOut]] */
        Envelope_list_DeliveryOut__: {
            /** Data */
            data: components["schemas"]["DeliveryOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[EquityPointOut]] */
        Envelope_list_EquityPointOut__: {
            /** Data */
            data: components["schemas"]["EquityPointOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[ErrorGroupOut]] */
        Envelope_list_ErrorGroupOut__: {
            /** Data */
            data: components["schemas"]["ErrorGroupOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[JobOut]] */
        Envelope_list_JobOut__: {
            /** Data */
            data: components["schemas"]["JobOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[JobRunOut]] */
        Envelope_list_JobRunOut__: {
            /** Data */
            data: components["schemas"]["JobRunOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[JournalEntryOut]] */
        Envelope_list_JournalEntryOut__: {
            /** Data */
            data: components["schemas"]["JournalEntryOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[MatrixRow]] */
        Envelope_list_MatrixRow__: {
            /** Data */
            data: components["schemas"]["MatrixRow"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[PatternOut]] */
        Envelope_list_PatternOut__: {
            /** Data */
            data: components["schemas"]["PatternOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[PaymentOut]] */
        Envelope_list_PaymentOut__: {
            /** Data */
            data: components["schemas"]["PaymentOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[PlanOut]] */
        Envelope_list_PlanOut__: {
            /** Data */
            data: components["schemas"]["PlanOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[PortfolioOut]] */
        Envelope_list_PortfolioOut__: {
            /** Data */
            data: components["schemas"]["PortfolioOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[SessionOut]] */
        Envelope_list_SessionOut__: {
            /** Data */
            data: components["schemas"]["SessionOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[SettingOut]] */
        Envelope_list_SettingOut__: {
            /** Data */
            data: components["schemas"]["SettingOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[SetupLineOut]] */
        Envelope_list_SetupLineOut__: {
            /** Data */
            data: components["schemas"]["SetupLineOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[SignalOut]] */
        Envelope_list_SignalOut__: {
            /** Data */
            data: components["schemas"]["SignalOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[SymbolOut]] */
        Envelope_list_SymbolOut__: {
            /** Data */
            data: components["schemas"]["SymbolOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[TagOut]] */
        Envelope_list_TagOut__: {
            /** Data */
            data: components["schemas"]["TagOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[TemplateOut]] */
        Envelope_list_TemplateOut__: {
            /** Data */
            data: components["schemas"]["TemplateOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[TradeOut]] */
        Envelope_list_TradeOut__: {
            /** Data */
            data: components["schemas"]["TradeOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[WebhookDeliveryOut]] */
        Envelope_list_WebhookDeliveryOut__: {
            /** Data */
            data: components["schemas"]["WebhookDeliveryOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[list[WebhookEndpointOut]] */
        Envelope_list_WebhookEndpointOut__: {
            /** Data */
            data: components["schemas"]["WebhookEndpointOut"][] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[LivenessOut] */
        Envelope_LivenessOut_: {
            data: components["schemas"]["LivenessOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[LoadMarketsOut] */
        Envelope_LoadMarketsOut_: {
            data: components["schemas"]["LoadMarketsOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[LoginOut] */
        Envelope_LoginOut_: {
            data: components["schemas"]["LoginOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[MeOut] */
        Envelope_MeOut_: {
            data: components["schemas"]["MeOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[MessageOut] */
        Envelope_MessageOut_: {
            data: components["schemas"]["MessageOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[MuteOut] */
        Envelope_MuteOut_: {
            data: components["schemas"]["MuteOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[PatternOut] */
        Envelope_PatternOut_: {
            data: components["schemas"]["PatternOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[PaymentOut] */
        Envelope_PaymentOut_: {
            data: components["schemas"]["PaymentOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[PortfolioOut] */
        Envelope_PortfolioOut_: {
            data: components["schemas"]["PortfolioOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[PortfolioStatsOut] */
        Envelope_PortfolioStatsOut_: {
            data: components["schemas"]["PortfolioStatsOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[PreferencesOut] */
        Envelope_PreferencesOut_: {
            data: components["schemas"]["PreferencesOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[SettingOut] */
        Envelope_SettingOut_: {
            data: components["schemas"]["SettingOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[SignalDetailOut] */
        Envelope_SignalDetailOut_: {
            data: components["schemas"]["SignalDetailOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[SymbolChangeOut] */
        Envelope_SymbolChangeOut_: {
            data: components["schemas"]["SymbolChangeOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[TagOut] */
        Envelope_TagOut_: {
            data: components["schemas"]["TagOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[TemplateOut] */
        Envelope_TemplateOut_: {
            data: components["schemas"]["TemplateOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[TestPushOut] */
        Envelope_TestPushOut_: {
            data: components["schemas"]["TestPushOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[TopicOut] */
        Envelope_TopicOut_: {
            data: components["schemas"]["TopicOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[TradeOut] */
        Envelope_TradeOut_: {
            data: components["schemas"]["TradeOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[TwoFactorSetupOut] */
        Envelope_TwoFactorSetupOut_: {
            data: components["schemas"]["TwoFactorSetupOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[Union[list[CandleOut], CompactCandles]] */
        Envelope_Union_list_CandleOut___CompactCandles__: {
            /** Data */
            data: components["schemas"]["CandleOut"][] | components["schemas"]["CompactCandles"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[UserOut] */
        Envelope_UserOut_: {
            data: components["schemas"]["UserOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[WatchlistOut] */
        Envelope_WatchlistOut_: {
            data: components["schemas"]["WatchlistOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[WebhookAckOut] */
        Envelope_WebhookAckOut_: {
            data: components["schemas"]["WebhookAckOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[WebhookAttemptRunOut] */
        Envelope_WebhookAttemptRunOut_: {
            data: components["schemas"]["WebhookAttemptRunOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[WebhookDeletedOut] */
        Envelope_WebhookDeletedOut_: {
            data: components["schemas"]["WebhookDeletedOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[WebhookDeliveryDetailOut] */
        Envelope_WebhookDeliveryDetailOut_: {
            data: components["schemas"]["WebhookDeliveryDetailOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[WebhookEndpointCreatedOut] */
        Envelope_WebhookEndpointCreatedOut_: {
            data: components["schemas"]["WebhookEndpointCreatedOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[WebhookEndpointOut] */
        Envelope_WebhookEndpointOut_: {
            data: components["schemas"]["WebhookEndpointOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** Envelope[WebhookSecretOut] */
        Envelope_WebhookSecretOut_: {
            data: components["schemas"]["WebhookSecretOut"] | null;
            /** Error */
            error?: string | null;
            meta: components["schemas"]["Meta"];
            /** Success */
            success: boolean;
        };
        /** EquityPointOut */
        EquityPointOut: {
            /**
             * Balance
             * @description initial_balance + every earlier closed trade's pnl
             * @example 101.25
             */
            balance: string;
            /**
             * Pnl
             * @description The trade's pnl; null on the first point
             */
            pnl: string | null;
            /**
             * Time
             * Format: date-time
             * @description The first point's start, else the trade's exit_time (ISO-8601 date-time, UTC)
             */
            time: string;
            /**
             * Trade Id
             * @description null on the first point
             */
            trade_id: number | null;
        };
        /** ErrorDailyCountOut */
        ErrorDailyCountOut: {
            /**
             * Day
             * Format: date
             * @description UTC day
             */
            day: string;
            /** Occurrences */
            occurrences: number;
        };
        /** ErrorDayOut */
        ErrorDayOut: {
            /**
             * Day
             * Format: date
             * @description UTC day
             */
            day: string;
            /**
             * New Groups
             * @description Groups first seen that day
             */
            new_groups: number;
            /** Occurrences */
            occurrences: number;
        };
        /** ErrorEnvelope */
        ErrorEnvelope: {
            /** Data */
            data?: null;
            /**
             * Error
             * @example Not found: Symbol not found
             */
            error: string;
            meta: components["schemas"]["Meta"];
            /**
             * Success
             * @default false
             * @example false
             */
            success: boolean;
        };
        /** ErrorGroupDetailOut */
        ErrorGroupDetailOut: {
            /**
             * Daily Counts
             * @description Occurrences per UTC day of the last 90 days, oldest first
             */
            daily_counts: components["schemas"]["ErrorDailyCountOut"][];
            /**
             * Error Type
             * @description Qualified class name of the exception
             */
            error_type: string;
            /**
             * Fingerprint
             * @description SHA-256 hex of `type|where|frames`
             */
            fingerprint: string;
            /**
             * First Seen
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            first_seen: string;
            /**
             * Frames
             * @description `module:function` of the 5 innermost own frames, `>`-joined
             */
            frames: string;
            /** Id */
            id: number;
            /**
             * Last Seen
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            last_seen: string;
            /**
             * Location
             * @description `METHOD /route/{template}` or `job:{name}`
             */
            location: string;
            /**
             * Message
             * @description The latest message (2,000 characters at most)
             */
            message: string;
            /**
             * Notes
             * @description Admins' notes, one a line, oldest first
             */
            notes: string | null;
            /** Occurrence Count */
            occurrence_count: number;
            /**
             * Occurrences
             * @description The 20 latest, newest first
             */
            occurrences: components["schemas"]["ErrorOccurrenceOut"][];
            /**
             * Regressed At
             * @description When it last recurred after resolved (ISO-8601 date-time, UTC)
             */
            regressed_at: string | null;
            /**
             * Source
             * @enum {string}
             */
            source: "api" | "job";
            /**
             * Status
             * @enum {string}
             */
            status: "new" | "acknowledged" | "resolved" | "ignored";
            /**
             * Status Changed At
             * @description ISO-8601 date-time, UTC
             */
            status_changed_at: string | null;
            /**
             * Status Changed By
             * @description The admin's user id
             */
            status_changed_by: number | null;
            /**
             * Traceback
             * @description The latest traceback (its last 10,000 characters)
             */
            traceback: string;
        };
        /** ErrorGroupFullOut */
        ErrorGroupFullOut: {
            /**
             * Error Type
             * @description Qualified class name of the exception
             */
            error_type: string;
            /**
             * Fingerprint
             * @description SHA-256 hex of `type|where|frames`
             */
            fingerprint: string;
            /**
             * First Seen
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            first_seen: string;
            /**
             * Frames
             * @description `module:function` of the 5 innermost own frames, `>`-joined
             */
            frames: string;
            /** Id */
            id: number;
            /**
             * Last Seen
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            last_seen: string;
            /**
             * Location
             * @description `METHOD /route/{template}` or `job:{name}`
             */
            location: string;
            /**
             * Message
             * @description The latest message (2,000 characters at most)
             */
            message: string;
            /**
             * Notes
             * @description Admins' notes, one a line, oldest first
             */
            notes: string | null;
            /** Occurrence Count */
            occurrence_count: number;
            /**
             * Regressed At
             * @description When it last recurred after resolved (ISO-8601 date-time, UTC)
             */
            regressed_at: string | null;
            /**
             * Source
             * @enum {string}
             */
            source: "api" | "job";
            /**
             * Status
             * @enum {string}
             */
            status: "new" | "acknowledged" | "resolved" | "ignored";
            /**
             * Status Changed At
             * @description ISO-8601 date-time, UTC
             */
            status_changed_at: string | null;
            /**
             * Status Changed By
             * @description The admin's user id
             */
            status_changed_by: number | null;
            /**
             * Traceback
             * @description The latest traceback (its last 10,000 characters)
             */
            traceback: string;
        };
        /** ErrorGroupOut */
        ErrorGroupOut: {
            /**
             * Error Type
             * @description Qualified class name of the exception
             */
            error_type: string;
            /**
             * Fingerprint
             * @description SHA-256 hex of `type|where|frames`
             */
            fingerprint: string;
            /**
             * First Seen
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            first_seen: string;
            /**
             * Frames
             * @description `module:function` of the 5 innermost own frames, `>`-joined
             */
            frames: string;
            /** Id */
            id: number;
            /**
             * Last Seen
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            last_seen: string;
            /**
             * Location
             * @description `METHOD /route/{template}` or `job:{name}`
             */
            location: string;
            /**
             * Message
             * @description The latest message (2,000 characters at most)
             */
            message: string;
            /** Occurrence Count */
            occurrence_count: number;
            /**
             * Regressed At
             * @description When it last recurred after resolved (ISO-8601 date-time, UTC)
             */
            regressed_at: string | null;
            /**
             * Source
             * @enum {string}
             */
            source: "api" | "job";
            /**
             * Status
             * @enum {string}
             */
            status: "new" | "acknowledged" | "resolved" | "ignored";
            /**
             * Status Changed At
             * @description ISO-8601 date-time, UTC
             */
            status_changed_at: string | null;
            /**
             * Status Changed By
             * @description The admin's user id
             */
            status_changed_by: number | null;
        };
        /** ErrorOccurrenceOut */
        ErrorOccurrenceOut: {
            /**
             * Body
             * @description Redacted body (JSON), 5,000 characters at most
             */
            body: string | null;
            /**
             * Headers
             * @description Redacted request headers
             */
            headers: {
                [key: string]: unknown;
            } | null;
            /** Id */
            id: number;
            /** Job Id */
            job_id: string | null;
            /** Method */
            method: string | null;
            /**
             * Occurred At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            occurred_at: string;
            /** Path */
            path: string | null;
            /**
             * Query
             * @description Redacted query parameters
             */
            query: {
                [key: string]: unknown;
            } | null;
            /** Request Id */
            request_id: string | null;
            /** User Id */
            user_id: number | null;
        };
        /** ErrorsByStatusOut */
        ErrorsByStatusOut: {
            /** Acknowledged */
            acknowledged: number;
            /** Ignored */
            ignored: number;
            /** New */
            new: number;
            /** Resolved */
            resolved: number;
        };
        /** ErrorStatsOut */
        ErrorStatsOut: {
            /** @description Every group by its status now */
            by_status: components["schemas"]["ErrorsByStatusOut"];
            /**
             * Daily
             * @description Each UTC day, oldest first, today last
             */
            daily: components["schemas"]["ErrorDayOut"][];
            /** Days */
            days: number;
            /**
             * Top
             * @description The 10 groups with the most occurrences
             */
            top: components["schemas"]["TopErrorOut"][];
        };
        /** ErrorStatusIn */
        ErrorStatusIn: {
            /** Note */
            note?: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "new" | "acknowledged" | "resolved" | "ignored";
        };
        /** FailureOut */
        FailureOut: {
            /** Reason */
            reason: string | null;
            /** User Id */
            user_id: number;
        };
        /** FakeCheckoutOut */
        FakeCheckoutOut: {
            /**
             * Amount
             * @example 19.00
             */
            amount: string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Cycle
             * @enum {string}
             */
            cycle: "monthly" | "yearly";
            /** Final */
            final: boolean;
            /** Payment Id */
            payment_id: number;
            /**
             * Plan
             * @enum {string}
             */
            plan: "pro" | "premium";
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "completed" | "failed" | "expired" | "refunded";
        };
        /** FakeOutcomeIn */
        FakeOutcomeIn: {
            /**
             * Outcome
             * @enum {string}
             */
            outcome: "paid" | "failed";
        };
        /** FetchIn */
        FetchIn: {
            /**
             * Symbol
             * @description BASE/QUOTE or BASE-QUOTE, any case
             * @example BTC/USDT
             */
            symbol: string;
            /**
             * Timeframe
             * @description Only this detection timeframe, fetched from its newest stored candle on; left out: every timeframe, as the minute's fetch does
             * @example 1h
             */
            timeframe?: string | null;
        };
        /**
         * Freshness
         * @enum {string}
         */
        Freshness: "live" | "recent" | "stale" | "old" | "none";
        /** GlobalStatsOut */
        GlobalStatsOut: {
            /**
             * Active Patterns
             * @description active patterns by type, then direction
             */
            active_patterns: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            /**
             * Overall
             * @description every signal, per window
             */
            overall: components["schemas"]["SetupStatsOut"][];
            /** @description what the caller's tier shows: every count covers it */
            scope: components["schemas"]["StatsScopeOut"];
            /**
             * Signals Today
             * @description signals created since 00:00 UTC
             */
            signals_today: number;
            /** Symbols */
            symbols: number;
        };
        /**
         * GrantIn
         * @description `{plan, days}` (1-3650, added to the current end while it gives a tier) or
         *     `{plan, lifetime: true}` (the plan's tier for ever).
         */
        GrantIn: {
            /** Days */
            days?: number | null;
            /**
             * Lifetime
             * @default false
             */
            lifetime: boolean;
            /**
             * Plan
             * @enum {string}
             */
            plan: "pro" | "premium";
        };
        /**
         * GroupStatsOut
         * @description One symbol, setup or direction.
         */
        GroupStatsOut: {
            /** Breakeven */
            breakeven: number;
            /**
             * Expectancy R
             * @description Mean R of the trades having one
             */
            expectancy_r: string | null;
            /** Losses */
            losses: number;
            /**
             * Total Pnl
             * @example 101.25
             */
            total_pnl: string;
            /**
             * Trades
             * @description Closed trades in the group
             */
            trades: number;
            /**
             * Win Rate
             * @description wins / (wins + losses), 4 decimals
             */
            win_rate: string | null;
            /** Wins */
            wins: number;
        };
        /** HealthOut */
        HealthOut: {
            /**
             * Cache
             * @enum {string}
             */
            cache: "ok" | "down";
            /**
             * Cache Backend
             * @example memory
             * @example redis
             */
            cache_backend: string;
            /**
             * Data Source
             * @description replay: the offline synthetic market (make run without network)
             * @enum {string}
             */
            data_source: "exchange" | "replay";
            /**
             * Database
             * @enum {string}
             */
            database: "ok" | "down";
            /**
             * Freshness
             * @description active symbols by age of their newest 1m candle (live < 5 min, recent < 60 min, stale < 1 day, old, none); null when the database is down
             */
            freshness: {
                [key: string]: number;
            } | null;
            /**
             * Status
             * @description ok; degraded when the cache is down or data is stale; down without database
             * @enum {string}
             */
            status: "ok" | "degraded" | "down";
            /** Version */
            version: string;
        };
        /** HistoryLimitOut */
        HistoryLimitOut: {
            /**
             * Max Age Hours
             * @description Reaches back this many hours; null: any
             */
            max_age_hours: number | null;
            /**
             * Max Items
             * @description At most this many items; null: no count limit
             */
            max_items: number | null;
        };
        /** JobCountersOut */
        JobCountersOut: {
            /**
             * Candles Fetched
             * @description Candles stored by the request's jobs
             */
            candles_fetched: number;
            /**
             * Patterns Found
             * @description Patterns the scans found
             */
            patterns_found: number;
            /**
             * Signals Created
             * @description Signals the scans created
             */
            signals_created: number;
        };
        /** JobOut */
        JobOut: {
            /**
             * Enabled
             * @description Off: its cron slots are skipped (a manual run still runs)
             */
            enabled: boolean;
            /** @description Runs started in the last 24 h */
            last_24h: components["schemas"]["WindowStatsOut"];
            last_run: components["schemas"]["LastRunOut"] | null;
            /** Name */
            name: string;
            /**
             * Queue
             * @enum {string}
             */
            queue: "high" | "default" | "low";
            /**
             * Schedule
             * @description Crontab time fields, UTC
             * @example *\/5 * * * *
             */
            schedule: string;
        };
        /** JobPatchIn */
        JobPatchIn: {
            /** Enabled */
            enabled: boolean;
        };
        /** JobRequestOut */
        JobRequestOut: {
            counters: components["schemas"]["JobCountersOut"];
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Error
             * @description A short summary of what failed
             */
            error: string | null;
            /**
             * Finished At
             * @description When its last job ended (ISO-8601 date-time, UTC)
             */
            finished_at: string | null;
            /**
             * Id
             * @description Pass to GET /api/v1/jobs/{id}
             * @example job_3f9c2a71d04b8e65
             */
            id: string;
            /**
             * Jobs
             * @description One job per symbol, in `symbols` order
             */
            jobs: components["schemas"]["SymbolJobOut"][];
            /**
             * Kind
             * @enum {string}
             */
            kind: "scan" | "fetch";
            /**
             * Status
             * @description queued: no job started yet; running: some started, not all ended; succeeded: every job ended without failing; failed: at least one failed
             * @enum {string}
             */
            status: "queued" | "running" | "succeeded" | "failed";
            /**
             * Symbols
             * @description The symbols its jobs cover
             * @example [
             *       "BTC/USDT"
             *     ]
             */
            symbols: string[];
            /**
             * Timeframe
             * @description A fetch's one timeframe (null: all of them)
             */
            timeframe: string | null;
        };
        /** JobRunCountersOut */
        JobRunCountersOut: {
            /** Candles Fetched */
            candles_fetched: number;
            /** Notifications Sent */
            notifications_sent: number;
            /** Patterns Found */
            patterns_found: number;
            /** Signals Created */
            signals_created: number;
        };
        /** JobRunNowOut */
        JobRunNowOut: {
            /**
             * Job Id
             * @description The queued job (with `meta.deduplicated: true`, the copy already queued or running)
             */
            job_id: string;
        };
        /** JobRunOut */
        JobRunOut: {
            /** Args Summary */
            args_summary: string | null;
            counters: components["schemas"]["JobRunCountersOut"];
            /**
             * Duration Ms
             * @description Milliseconds
             */
            duration_ms: number | null;
            /**
             * Enqueued At
             * @description ISO-8601 date-time, UTC
             */
            enqueued_at: string | null;
            /** Error */
            error: string | null;
            /**
             * Finished At
             * @description ISO-8601 date-time, UTC
             */
            finished_at: string | null;
            /** Id */
            id: number;
            /** Job Id */
            job_id: string | null;
            /** Name */
            name: string;
            /**
             * Queue
             * @enum {string}
             */
            queue: "high" | "default" | "low";
            /**
             * Started At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            started_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "running" | "ok" | "failed" | "retrying" | "skipped";
        };
        /** JournalEntryIn */
        JournalEntryIn: {
            /**
             * Content
             * @description Plain text, kept verbatim
             * @example Waited for the retest.
             */
            content: string;
            /**
             * Entry Type
             * @default during
             * @enum {string}
             */
            entry_type: "pre_trade" | "during" | "post_trade" | "lesson";
            /** Mood */
            mood?: ("confident" | "neutral" | "fearful" | "greedy" | "fomo" | "revenge") | null;
        };
        /** JournalEntryOut */
        JournalEntryOut: {
            /**
             * Content
             * @description Plain text as written: show it as text, never as HTML
             */
            content: string;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Entry Type
             * @enum {string}
             */
            entry_type: "pre_trade" | "during" | "post_trade" | "lesson";
            /** Id */
            id: number;
            /** Mood */
            mood: ("confident" | "neutral" | "fearful" | "greedy" | "fomo" | "revenge") | null;
            /** Trade Id */
            trade_id: number;
            /**
             * Updated At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            updated_at: string;
        };
        /**
         * JournalEntryPatch
         * @description Only the fields sent change; `mood: null` clears the mood.
         */
        JournalEntryPatch: {
            /** Content */
            content?: string | null;
            /** Entry Type */
            entry_type?: ("pre_trade" | "during" | "post_trade" | "lesson") | null;
            /** Mood */
            mood?: ("confident" | "neutral" | "fearful" | "greedy" | "fomo" | "revenge") | null;
        };
        /** JournalSignalIn */
        JournalSignalIn: {
            /**
             * Portfolio Id
             * @description Default: the oldest, else a new one
             */
            portfolio_id?: number | null;
            /** Quantity */
            quantity?: (number | string) | null;
        };
        /** JournalSignalOut */
        JournalSignalOut: {
            /** @description The trade's pre_trade entry: the signal in words */
            entry: components["schemas"]["JournalEntryOut"];
            /** Portfolio Id */
            portfolio_id: number;
            /** @description pending, with the signal's entry, stop and take_profit_2 */
            trade: components["schemas"]["TradeOut"];
        };
        /** LastRunOut */
        LastRunOut: {
            /**
             * Duration Ms
             * @description None while it runs, or when it was lost (milliseconds)
             */
            duration_ms: number | null;
            /** Id */
            id: number;
            /**
             * Started At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            started_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "running" | "ok" | "failed" | "retrying" | "skipped";
        };
        /**
         * LimitsOut
         * @description What a tier allows; null means unlimited.
         */
        LimitsOut: {
            /** Api Keys */
            api_keys: boolean;
            /** Fixed Symbols */
            fixed_symbols: string[];
            /** Max Watchlist */
            max_watchlist: number | null;
            pattern_history: components["schemas"]["HistoryLimitOut"];
            /** Pattern Types */
            pattern_types: string[];
            /** Portfolios */
            portfolios: number | null;
            /** Push Delay Minutes */
            push_delay_minutes: number;
            /** Pushes Per Day */
            pushes_per_day: number | null;
            signal_history: components["schemas"]["HistoryLimitOut"];
            /**
             * Statistics
             * @enum {string}
             */
            statistics: "summary" | "full";
            /**
             * Symbol Scope
             * @enum {string}
             */
            symbol_scope: "fixed" | "watchlist" | "all";
            /** Trades Per Day */
            trades_per_day: number | null;
            /** Webhooks */
            webhooks: boolean;
        };
        /** LivenessOut */
        LivenessOut: {
            /**
             * Status
             * @default alive
             * @constant
             */
            status: "alive";
        };
        /** LoadMarketsIn */
        LoadMarketsIn: {
            /**
             * Quote
             * @example USDT
             */
            quote: string;
        };
        /** LoadMarketsOut */
        LoadMarketsOut: {
            /**
             * Job Id
             * @description The load_markets job (its counters: added, existing)
             */
            job_id: string;
        };
        /** LoginIn */
        LoginIn: {
            /**
             * Email
             * @example trader@example.com
             */
            email: string;
            /** Password */
            password: string;
            /**
             * Totp Code
             * @description Optional: both factors in one request
             */
            totp_code?: string | null;
        };
        /** LoginOut */
        LoginOut: {
            /**
             * Totp Required
             * @description true: send the code to POST /api/v1/auth/login/totp within 5 minutes
             */
            totp_required: boolean;
            user?: components["schemas"]["UserOut"] | null;
        };
        /** MatrixCell */
        MatrixCell: {
            /**
             * Bearish
             * @description active bearish patterns
             */
            bearish: number;
            /**
             * Bullish
             * @description active bullish patterns
             */
            bullish: number;
            /** Direction */
            direction: ("bullish" | "bearish") | null;
            /**
             * Pattern Id
             * @description the newest active pattern, if any
             */
            pattern_id: number | null;
            /** Strength */
            strength: number | null;
            /** Timeframe */
            timeframe: string;
            /** Type */
            type: string | null;
            /** Zone High */
            zone_high: number | null;
            /** Zone Low */
            zone_low: number | null;
        };
        /** MatrixRow */
        MatrixRow: {
            /** Cells */
            cells: components["schemas"]["MatrixCell"][];
            open_signal: components["schemas"]["SignalOut"] | null;
            /** Symbol */
            symbol: string;
        };
        /** MeOut */
        MeOut: {
            /** Backup Codes Left */
            backup_codes_left: number;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Display Name */
            display_name: string | null;
            /** Email */
            email: string;
            /** Id */
            id: number;
            /** Is Admin */
            is_admin: boolean;
            /** Is Verified */
            is_verified: boolean;
            /**
             * Last Login At
             * @description ISO-8601 date-time, UTC
             */
            last_login_at: string | null;
            limits: components["schemas"]["LimitsOut"];
            /** Ntfy Topic */
            ntfy_topic: string;
            subscription: components["schemas"]["SubscriptionOut"] | null;
            /**
             * Theme
             * @enum {string}
             */
            theme: "system" | "light" | "dark";
            tier: components["schemas"]["Tier"];
            /** Timezone */
            timezone: string;
            /** Two Factor Enabled */
            two_factor_enabled: boolean;
        };
        /** MessageOut */
        MessageOut: {
            /** Message */
            message: string;
        };
        /** Meta */
        Meta: {
            /**
             * Code
             * @description Stable machine code of an error
             * @default null
             */
            code: string | null;
            /**
             * Count
             * @description Items in `data` for lists
             * @default null
             */
            count: number | null;
            /**
             * Next Cursor
             * @description Pass as `cursor` for the next page
             * @default null
             */
            next_cursor: string | null;
            /**
             * Request Id
             * @description Also sent as the X-Request-ID header
             */
            request_id: string | null;
            /**
             * Timestamp
             * Format: date-time
             * @description When the response was made (UTC)
             */
            timestamp: string;
        } & {
            [key: string]: unknown;
        };
        /** MoneyCountOut */
        MoneyCountOut: {
            /**
             * Amount
             * @description Sum in USD
             */
            amount: string;
            /** Count */
            count: number;
        };
        /** MonthRevenueOut */
        MonthRevenueOut: {
            /** @description Payments completed in the month (later refunds included) */
            completed: components["schemas"]["MoneyCountOut"];
            /**
             * Month
             * @description UTC month of completed_at, `YYYY-MM`
             * @example 2026-12
             */
            month: string;
            /** @description Refunds, apart: payments refunded in the month (UTC month of refunded_at) */
            refunded: components["schemas"]["MoneyCountOut"];
        };
        /** MuteOut */
        MuteOut: {
            /**
             * Muted Until
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            muted_until: string;
            /** Symbol */
            symbol: string;
        };
        /** OpenIn */
        OpenIn: {
            /** Entry Price */
            entry_price?: (number | string) | null;
            /**
             * Entry Time
             * @description ISO-8601 date-time, UTC
             */
            entry_time?: string | null;
            /** Fees */
            fees?: (number | string) | null;
            /** Quantity */
            quantity?: (number | string) | null;
        };
        /**
         * PatternOut
         * @example {
         *       "confirmed_at": 1710003600000,
         *       "direction": "bullish",
         *       "expires_at": 1710259200000,
         *       "fill_pct": 0,
         *       "formed_at": 1710000000000,
         *       "id": 812,
         *       "status": "active",
         *       "strength": 0.6425,
         *       "symbol": "BTC/USDT",
         *       "timeframe": "1h",
         *       "type": "fvg",
         *       "zone_high": 68020.5,
         *       "zone_low": 67850
         *     }
         */
        PatternOut: {
            /**
             * Confirmed At
             * @description close of that candle: when it became knowable (epoch milliseconds, UTC)
             */
            confirmed_at: number;
            /**
             * Direction
             * @enum {string}
             */
            direction: "bullish" | "bearish";
            /**
             * Expired At
             * @description Epoch milliseconds, UTC
             */
            expired_at: number | null;
            /**
             * Expires At
             * @description formed_at + the timeframe's expiry (epoch milliseconds, UTC)
             */
            expires_at: number;
            /** Fill Pct */
            fill_pct: number;
            /**
             * Filled At
             * @description Epoch milliseconds, UTC
             */
            filled_at: number | null;
            /**
             * Formed At
             * @description open time (ms UTC) of the candle that completed it
             */
            formed_at: number;
            /** Id */
            id: number;
            /**
             * Invalidated At
             * @description Epoch milliseconds, UTC
             */
            invalidated_at: number | null;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "filled" | "invalidated" | "expired";
            /** Strength */
            strength: number;
            /** Symbol */
            symbol: string;
            /** Timeframe */
            timeframe: string;
            /**
             * Touched At
             * @description Epoch milliseconds, UTC
             */
            touched_at: number | null;
            /**
             * Type
             * @enum {string}
             */
            type: "fvg" | "order_block" | "liquidity_sweep";
            /** Zone High */
            zone_high: number;
            /** Zone Low */
            zone_low: number;
        };
        /** PaymentEventOut */
        PaymentEventOut: {
            /** Detail */
            detail: string | null;
            /**
             * Event Id
             * @description The provider's event id (each applies once)
             */
            event_id: string;
            /**
             * Event Type
             * @description The provider's name for it
             * @example order_created
             */
            event_type: string;
            /** Id */
            id: number;
            /**
             * Outcome
             * @enum {string}
             */
            outcome: "applied" | "ignored" | "rejected";
            /**
             * Received At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            received_at: string;
        };
        /** PaymentOut */
        PaymentOut: {
            /**
             * Amount
             * @example 19.00
             */
            amount: string;
            /**
             * Checkout Url
             * @description While pending only
             */
            checkout_url: string | null;
            /**
             * Completed At
             * @description ISO-8601 date-time, UTC
             */
            completed_at: string | null;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Cycle
             * @enum {string}
             */
            cycle: "monthly" | "yearly";
            /**
             * Expires At
             * @description ISO-8601 date-time, UTC
             */
            expires_at: string | null;
            /** Failure Reason */
            failure_reason: string | null;
            /**
             * Final
             * @description No event will change the status any more (stop polling)
             */
            final: boolean;
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "checkout" | "renewal";
            /**
             * Method
             * @enum {string}
             */
            method: "card" | "crypto";
            /** Period Start */
            period_start: string | null;
            /**
             * Plan
             * @enum {string}
             */
            plan: "pro" | "premium";
            /**
             * Provider
             * @enum {string}
             */
            provider: "card" | "crypto" | "fake";
            /**
             * Provider Status
             * @example confirming
             */
            provider_status: string | null;
            /**
             * Refunded At
             * @description ISO-8601 date-time, UTC
             */
            refunded_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "completed" | "failed" | "expired" | "refunded";
        };
        /** PlanCountsOut */
        PlanCountsOut: {
            /** All */
            all: number;
            /** Premium */
            premium: number;
            /** Pro */
            pro: number;
        };
        /** PlanOut */
        PlanOut: {
            /**
             * Features
             * @example [
             *       "All symbols",
             *       "REST API keys"
             *     ]
             */
            features: string[];
            limits: components["schemas"]["LimitsOut"];
            plan: components["schemas"]["Tier"];
            /**
             * Prices
             * @description Empty for free
             */
            prices: components["schemas"]["PriceOut"][];
        };
        /** PortfolioIn */
        PortfolioIn: {
            /**
             * Currency
             * @default USDT
             * @example USDT
             */
            currency: string;
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Initial Balance
             * @default 10000
             * @example 10000
             */
            initial_balance: number | string;
            /**
             * Name
             * @example Swing trades
             */
            name: string;
        };
        /** PortfolioOut */
        PortfolioOut: {
            /**
             * Balance
             * @description initial_balance + the closed trades' pnl
             * @example 101.25
             */
            balance: string;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Currency */
            currency: string;
            /** Description */
            description: string;
            /** Id */
            id: number;
            /**
             * Initial Balance
             * @example 101.25
             */
            initial_balance: string;
            /** Name */
            name: string;
            /** Open Trades */
            open_trades: number;
            /** Pending Trades */
            pending_trades: number;
            /**
             * Total Pnl
             * @example 101.25
             */
            total_pnl: string;
            /**
             * Total Pnl Pct
             * @description total_pnl / initial_balance * 100
             * @example 101.25
             */
            total_pnl_pct: string;
        };
        /**
         * PortfolioPatch
         * @description Only the fields sent change.
         */
        PortfolioPatch: {
            /** Currency */
            currency?: string | null;
            /** Description */
            description?: string | null;
            /** Initial Balance */
            initial_balance?: (number | string) | null;
            /** Name */
            name?: string | null;
        };
        /** PortfolioStatsOut */
        PortfolioStatsOut: {
            /**
             * Avg Loss
             * @description gross_loss / losses
             */
            avg_loss: string | null;
            /**
             * Avg Win
             * @description gross_profit / wins
             */
            avg_win: string | null;
            /**
             * Breakeven
             * @description Closed with pnl = 0: in no rate or average
             */
            breakeven: number;
            /** By Direction */
            by_direction: {
                [key: string]: components["schemas"]["GroupStatsOut"];
            };
            /**
             * By Setup
             * @description Keyed `{pattern_type} {timeframe}`, or `manual` if either is empty
             */
            by_setup: {
                [key: string]: components["schemas"]["GroupStatsOut"];
            };
            /** By Symbol */
            by_symbol: {
                [key: string]: components["schemas"]["GroupStatsOut"];
            };
            /** Cancelled */
            cancelled: number;
            /** Closed */
            closed: number;
            /**
             * Expectancy
             * @description total_pnl / closed
             */
            expectancy: string | null;
            /**
             * Expectancy R
             * @description Mean R of the r_count trades having one
             */
            expectancy_r: string | null;
            /**
             * Gross Loss
             * @description |sum of the losing pnl|
             * @example 101.25
             */
            gross_loss: string;
            /**
             * Gross Profit
             * @description Sum of the winning pnl
             * @example 101.25
             */
            gross_profit: string;
            /**
             * Losses
             * @description Closed with pnl < 0
             */
            losses: number;
            /**
             * Max Drawdown
             * @description Largest fall from a running peak of the curve (from the initial balance)
             * @example 101.25
             */
            max_drawdown: string;
            /**
             * Max Drawdown Pct
             * @description That fall in % of its peak
             */
            max_drawdown_pct: string | null;
            /** Open */
            open: number;
            /** Pending */
            pending: number;
            /**
             * Profit Factor
             * @description gross_profit / gross_loss
             */
            profit_factor: string | null;
            /** R Count */
            r_count: number;
            /**
             * Total Pnl
             * @example 101.25
             */
            total_pnl: string;
            /**
             * Win Rate
             * @description wins / (wins + losses)
             */
            win_rate: string | null;
            /**
             * Wins
             * @description Closed with pnl > 0
             */
            wins: number;
        };
        /**
         * PreferencesIn
         * @description The whole set of choices (PUT replaces it). None for symbols or pattern types means
         *     every one the tier allows; quiet hours with start == end (or null) means none.
         */
        PreferencesIn: {
            /**
             * Daily Limit
             * @description At most the tier's cap; null: the cap
             */
            daily_limit?: number | null;
            /**
             * Directions
             * @default both
             * @enum {string}
             */
            directions: "both" | "long" | "short";
            /**
             * Enabled
             * @default true
             */
            enabled: boolean;
            /**
             * Min Confluence
             * @default 2
             */
            min_confluence: number;
            /** Pattern Types */
            pattern_types?: string[] | null;
            /**
             * Priority
             * @default 3
             */
            priority: number;
            /**
             * Quiet Hours End
             * @example 7
             */
            quiet_hours_end?: number | null;
            /**
             * Quiet Hours Start
             * @example 22
             */
            quiet_hours_start?: number | null;
            /**
             * Symbols
             * @example [
             *       "BTC/USDT"
             *     ]
             */
            symbols?: string[] | null;
        };
        /** PreferencesOut */
        PreferencesOut: {
            /**
             * Daily Limit
             * @description At most the tier's cap; null: the cap
             */
            daily_limit?: number | null;
            /**
             * Directions
             * @default both
             * @enum {string}
             */
            directions: "both" | "long" | "short";
            /**
             * Enabled
             * @default true
             */
            enabled: boolean;
            /**
             * Min Confluence
             * @default 2
             */
            min_confluence: number;
            /**
             * Muted Symbols
             * @description Symbols muted, until when
             */
            muted_symbols: {
                [key: string]: string;
            };
            /** Pattern Types */
            pattern_types?: string[] | null;
            /**
             * Priority
             * @default 3
             */
            priority: number;
            /**
             * Quiet Hours End
             * @example 7
             */
            quiet_hours_end?: number | null;
            /**
             * Quiet Hours Start
             * @example 22
             */
            quiet_hours_start?: number | null;
            /**
             * Server
             * @description The NTFY server the pushes come from
             */
            server: string;
            /**
             * Symbols
             * @example [
             *       "BTC/USDT"
             *     ]
             */
            symbols?: string[] | null;
            /**
             * Tier Daily Cap
             * @description Pushes a day the tier allows; null: unlimited
             */
            tier_daily_cap: number | null;
            /**
             * Tier Delay Minutes
             * @description How late the tier's pushes are sent
             */
            tier_delay_minutes: number;
            /**
             * Timezone
             * @description Quiet hours and daily limits follow this timezone
             */
            timezone: string;
            /**
             * Topic
             * @description The secret NTFY topic to subscribe to in the app
             */
            topic: string;
        };
        /** PriceOut */
        PriceOut: {
            /**
             * Amount
             * @example 190.00
             */
            amount: string;
            /**
             * Currency
             * @constant
             */
            currency: "USD";
            /**
             * Cycle
             * @enum {string}
             */
            cycle: "monthly" | "yearly";
            /**
             * Days
             * @example 365
             */
            days: number;
            /**
             * Monthly Equivalent
             * @example 15.83
             */
            monthly_equivalent: string;
            /**
             * Saving Pct
             * @description Yearly only: percent saved against twelve monthly payments
             * @example 17
             */
            saving_pct: number | null;
        };
        /**
         * ProfileIn
         * @description Only the fields sent are changed.
         */
        ProfileIn: {
            /** Display Name */
            display_name?: string | null;
            /**
             * Theme
             * @description The SPA's colours; system follows the browser
             */
            theme?: ("system" | "light" | "dark") | null;
            /** Timezone */
            timezone?: string | null;
        };
        /** RefundIn */
        RefundIn: {
            /**
             * Reason
             * @description Why (kept in the audit log)
             */
            reason: string;
        };
        /** RegisterIn */
        RegisterIn: {
            /** Display Name */
            display_name?: string | null;
            /**
             * Email
             * Format: email
             */
            email: string;
            /**
             * Password
             * @description 10+ characters, not your email, not a common one
             */
            password: string;
            /**
             * Timezone
             * @default UTC
             * @example Europe/Berlin
             */
            timezone: string;
        };
        /** ResetPasswordIn */
        ResetPasswordIn: {
            /** New Password */
            new_password: string;
            /** Token */
            token: string;
        };
        /** RevenueStatsOut */
        RevenueStatsOut: {
            /**
             * Currency
             * @example USD
             */
            currency: string;
            /**
             * Months
             * @description Oldest month first, the current last
             */
            months: components["schemas"]["MonthRevenueOut"][];
        };
        /** ScanIn */
        ScanIn: {
            /**
             * Symbols
             * @description The symbols to scan; left out or null: every active symbol your tier shows
             * @example [
             *       "BTC/USDT",
             *       "ETH/USDT"
             *     ]
             */
            symbols?: string[] | null;
        };
        /** ScheduledChangeOut */
        ScheduledChangeOut: {
            /**
             * Cycle
             * @enum {string}
             */
            cycle: "monthly" | "yearly";
            /**
             * Plan
             * @enum {string}
             */
            plan: "pro" | "premium";
            /**
             * Starts At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            starts_at: string;
        };
        /** SessionOut */
        SessionOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Current */
            current: boolean;
            /**
             * Expires At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            expires_at: string;
            /** Id */
            id: number;
            /** Ip */
            ip: string | null;
            /**
             * Last Seen At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            last_seen_at: string;
            /** User Agent */
            user_agent: string | null;
        };
        /** SettingIn */
        SettingIn: {
            /**
             * Value
             * @description A JSON value of the key's type (a bool is not a number)
             * @example 3
             */
            value: unknown;
        };
        /** SettingOut */
        SettingOut: {
            /**
             * Default
             * @description The environment's value
             */
            default: unknown;
            /** Description */
            description: string;
            /**
             * Key
             * @example min_confluence
             */
            key: string;
            range: components["schemas"]["SettingRangeOut"];
            /**
             * Type
             * @enum {string}
             */
            type: "int" | "number" | "bool" | "list" | "choice";
            /**
             * Updated At
             * @description When it was stored; null: the default (ISO-8601 date-time, UTC)
             */
            updated_at: string | null;
            /**
             * Updated By
             * @description The admin who stored it; null: the default
             */
            updated_by: number | null;
            /**
             * Value
             * @description In force now (the stored value, else the default)
             */
            value: unknown;
        };
        /**
         * SettingRangeOut
         * @description Numbers: minimum..maximum (inclusive, except the minimum when `minimum_exclusive`);
         *     choice: one of `choices`; list: a non-empty subset of `choices`; bool: no bounds.
         */
        SettingRangeOut: {
            /** Choices */
            choices: string[] | null;
            /**
             * Maximum
             * @description Highest value (list: most items)
             */
            maximum: number | null;
            /**
             * Minimum
             * @description Lowest value (list: fewest items)
             */
            minimum: number | null;
            /** Minimum Exclusive */
            minimum_exclusive: boolean;
            /**
             * Text
             * @example 2 < x <= 10
             */
            text: string;
        };
        /** SetupLineOut */
        SetupLineOut: {
            /** Anchor Timeframe */
            anchor_timeframe: string | null;
            /**
             * Anchor Type
             * @description null with anchor_timeframe null: overall
             */
            anchor_type: string | null;
            /**
             * Cumulative R
             * @description [outcome time ms UTC, running sum of outcome_r] over the last 100 signals resolved in the widest window, oldest first
             * @example [
             *       [
             *         1717200000000,
             *         -1
             *       ],
             *       [
             *         1717286400000,
             *         2
             *       ]
             *     ]
             */
            cumulative_r: [
                number,
                number
            ][];
            /**
             * Symbol
             * @description null: every symbol
             */
            symbol: string | null;
            /** Windows */
            windows: components["schemas"]["SetupStatsOut"][];
        };
        /** SetupStatsOut */
        SetupStatsOut: {
            /**
             * Avg R
             * @description mean outcome in R of the resolved (expectancy)
             */
            avg_r: number | null;
            /** Count */
            count: number;
            /**
             * Decided
             * @description triggered signals that reached tp1 or have an outcome
             */
            decided: number;
            /**
             * Resolved
             * @description signals with an outcome in R
             */
            resolved: number;
            /** Triggered */
            triggered: number;
            /**
             * Win Rate
             * @description wins / decided; null when nothing is decided
             */
            win_rate: number | null;
            /**
             * Window Days
             * @example 30
             */
            window_days: number;
            /**
             * Wins
             * @description triggered signals that reached tp1
             */
            wins: number;
        };
        /** SignalDetailOut */
        SignalDetailOut: {
            /** Anchor Pattern Id */
            anchor_pattern_id: number;
            /** Anchor Timeframe */
            anchor_timeframe: string;
            /** Anchor Type */
            anchor_type: string;
            /**
             * Cancelled At
             * @description open time (ms UTC) of the 1m candle in which the anchor pattern was filled or invalidated before the entry; null until then
             */
            cancelled_at: number | null;
            /**
             * Closed At
             * @description ms UTC: the end of the holding time, when it closed at the price then
             */
            closed_at: number | null;
            /**
             * Confluence
             * @description timeframes agreeing on the direction
             */
            confluence: number;
            /** Contributing Patterns */
            contributing_patterns: components["schemas"]["PatternOut"][];
            /**
             * Created At
             * @description ms UTC: the close of the cycle that created it
             */
            created_at: number;
            /**
             * Direction
             * @enum {string}
             */
            direction: "long" | "short";
            /** Entry */
            entry: number;
            /**
             * Expired At
             * @description ms UTC: when the pending signal expired
             */
            expired_at: number | null;
            /** Id */
            id: number;
            /**
             * Move Stop To Entry After Tp1
             * @description the stop rule the signal follows: stop at the entry from the candle after tp1
             */
            move_stop_to_entry_after_tp1: boolean;
            /**
             * Outcome R
             * @description result in R once final; null otherwise
             */
            outcome_r: number | null;
            /** Risk Reward */
            risk_reward: number;
            /**
             * Setup Stats
             * @description this setup's record (anchor type x timeframe x symbol) at creation
             */
            setup_stats: components["schemas"]["SetupStatsOut"][];
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "triggered" | "tp1" | "tp2" | "tp3" | "stopped" | "closed" | "expired" | "cancelled";
            /** Status History */
            status_history: components["schemas"]["StatusEvent"][];
            /** Stop Loss */
            stop_loss: number;
            /**
             * Stopped At
             * @description open time (ms UTC) of the 1m candle in which the stop was hit; null until then
             */
            stopped_at: number | null;
            /** Strength */
            strength: number;
            /**
             * Symbol
             * @example BTC/USDT
             */
            symbol: string;
            /** Take Profit 1 */
            take_profit_1: number;
            /** Take Profit 2 */
            take_profit_2: number;
            /** Take Profit 3 */
            take_profit_3: number;
            /**
             * Timeframes
             * @description the agreeing timeframes, highest first
             */
            timeframes: string[];
            /**
             * Tp1 At
             * @description open time (ms UTC) of the 1m candle in which take_profit_1 was reached; null until then
             */
            tp1_at: number | null;
            /**
             * Tp2 At
             * @description open time (ms UTC) of the 1m candle in which take_profit_2 was reached; null until then
             */
            tp2_at: number | null;
            /**
             * Tp3 At
             * @description open time (ms UTC) of the 1m candle in which take_profit_3 was reached; null until then
             */
            tp3_at: number | null;
            /**
             * Triggered At
             * @description open time (ms UTC) of the 1m candle in which the entry was reached; null until then
             */
            triggered_at: number | null;
        };
        /** SignalOut */
        SignalOut: {
            /** Anchor Pattern Id */
            anchor_pattern_id: number;
            /** Anchor Timeframe */
            anchor_timeframe: string;
            /** Anchor Type */
            anchor_type: string;
            /**
             * Cancelled At
             * @description open time (ms UTC) of the 1m candle in which the anchor pattern was filled or invalidated before the entry; null until then
             */
            cancelled_at: number | null;
            /**
             * Closed At
             * @description ms UTC: the end of the holding time, when it closed at the price then
             */
            closed_at: number | null;
            /**
             * Confluence
             * @description timeframes agreeing on the direction
             */
            confluence: number;
            /**
             * Created At
             * @description ms UTC: the close of the cycle that created it
             */
            created_at: number;
            /**
             * Direction
             * @enum {string}
             */
            direction: "long" | "short";
            /** Entry */
            entry: number;
            /**
             * Expired At
             * @description ms UTC: when the pending signal expired
             */
            expired_at: number | null;
            /** Id */
            id: number;
            /**
             * Move Stop To Entry After Tp1
             * @description the stop rule the signal follows: stop at the entry from the candle after tp1
             */
            move_stop_to_entry_after_tp1: boolean;
            /**
             * Outcome R
             * @description result in R once final; null otherwise
             */
            outcome_r: number | null;
            /** Risk Reward */
            risk_reward: number;
            /**
             * Setup Stats
             * @description this setup's record (anchor type x timeframe x symbol) at creation
             */
            setup_stats: components["schemas"]["SetupStatsOut"][];
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "triggered" | "tp1" | "tp2" | "tp3" | "stopped" | "closed" | "expired" | "cancelled";
            /** Stop Loss */
            stop_loss: number;
            /**
             * Stopped At
             * @description open time (ms UTC) of the 1m candle in which the stop was hit; null until then
             */
            stopped_at: number | null;
            /** Strength */
            strength: number;
            /**
             * Symbol
             * @example BTC/USDT
             */
            symbol: string;
            /** Take Profit 1 */
            take_profit_1: number;
            /** Take Profit 2 */
            take_profit_2: number;
            /** Take Profit 3 */
            take_profit_3: number;
            /**
             * Timeframes
             * @description the agreeing timeframes, highest first
             */
            timeframes: string[];
            /**
             * Tp1 At
             * @description open time (ms UTC) of the 1m candle in which take_profit_1 was reached; null until then
             */
            tp1_at: number | null;
            /**
             * Tp2 At
             * @description open time (ms UTC) of the 1m candle in which take_profit_2 was reached; null until then
             */
            tp2_at: number | null;
            /**
             * Tp3 At
             * @description open time (ms UTC) of the 1m candle in which take_profit_3 was reached; null until then
             */
            tp3_at: number | null;
            /**
             * Triggered At
             * @description open time (ms UTC) of the 1m candle in which the entry was reached; null until then
             */
            triggered_at: number | null;
        };
        /** StatsScopeOut */
        StatsScopeOut: {
            /**
             * Pattern History Hours
             * @description active patterns counted when confirmed in the last n hours; null: any age
             */
            pattern_history_hours: number | null;
            /**
             * Pattern Types
             * @description the pattern types counted
             */
            pattern_types: string[];
            /**
             * Symbols
             * @description the symbols counted; null: every symbol
             */
            symbols: string[] | null;
        };
        /** StatusEvent */
        StatusEvent: {
            /**
             * At
             * @description open time (ms UTC) of the 1m candle of the event
             */
            at: number;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "triggered" | "tp1" | "tp2" | "tp3" | "stopped" | "closed" | "expired" | "cancelled";
        };
        /**
         * SubscriptionOut
         * @description The subscription as the profile shows it (profile/).
         */
        SubscriptionOut: {
            /**
             * Expires At
             * @description ISO-8601 date-time, UTC
             */
            expires_at: string | null;
            /** Grace Days */
            grace_days: number;
            /** Plan */
            plan: string;
            /**
             * Started At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            started_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "cancelled" | "expired" | "suspended";
        };
        /** SubscriptionStatsOut */
        SubscriptionStatsOut: {
            /** @description Subscriptions conferring their plan's tier now, by plan */
            conferring: components["schemas"]["PlanCountsOut"];
            /**
             * Expiring Within 7 Days
             * @description Active ones whose expires_at is within the next 7 days
             */
            expiring_within_7_days: number;
            /**
             * In Grace
             * @description Of those, active ones past expires_at, in the grace days
             */
            in_grace: number;
            /**
             * Lifetime
             * @description Of those, lifetime ones (no expires_at)
             */
            lifetime: number;
        };
        /** SymbolAddIn */
        SymbolAddIn: {
            /**
             * Symbol
             * @example ADA/USDT
             */
            symbol: string;
        };
        /** SymbolChangeOut */
        SymbolChangeOut: {
            /**
             * Job Id
             * @description The backfill job queued after the change (null: none needed, or the queue could not take it; the next minute's fetch backfills an enabled symbol anyway)
             */
            job_id: string | null;
            symbol: components["schemas"]["AdminSymbolOut"];
        };
        /** SymbolJobOut */
        SymbolJobOut: {
            /**
             * Error
             * @description Why it failed or was skipped
             */
            error?: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "running" | "succeeded" | "failed" | "skipped";
            /**
             * Symbol
             * @example BTC/USDT
             */
            symbol: string;
        };
        /**
         * SymbolOut
         * @example {
         *       "added_at": "2024-03-01T12:00:00.000Z",
         *       "base": "BTC",
         *       "change_24h_pct": -1.84,
         *       "exchange": "binance",
         *       "freshness": "live",
         *       "is_active": true,
         *       "last_candle_time": 1710000000000,
         *       "last_price": 68123.45,
         *       "price_precision": 2,
         *       "quote": "USDT",
         *       "symbol": "BTC/USDT",
         *       "tick_size": 0.01,
         *       "url_symbol": "BTC-USDT"
         *     }
         */
        SymbolOut: {
            /**
             * Added At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            added_at: string;
            /** Base */
            base: string;
            /**
             * Change 24H Pct
             * @description change of the last price over 24 hours, %
             */
            change_24h_pct: number | null;
            /**
             * Exchange
             * @description ccxt exchange id, or `replay` for the demo market
             */
            exchange: string;
            freshness: components["schemas"]["Freshness"];
            /** Is Active */
            is_active: boolean;
            /**
             * Last Candle Time
             * @description open time (ms UTC) of the newest 1m candle
             */
            last_candle_time: number | null;
            /**
             * Last Fetch Error
             * @description why the last fetch failed, if it did
             */
            last_fetch_error: string | null;
            /**
             * Last Price
             * @description close of the newest 1m candle
             */
            last_price: number | null;
            /**
             * Price Precision
             * @description decimals of the price step
             */
            price_precision: number | null;
            /** Quote */
            quote: string;
            /**
             * Symbol
             * @description ccxt form, BASE/QUOTE
             */
            symbol: string;
            /**
             * Tick Size
             * @description smallest price step on the exchange
             */
            tick_size: number | null;
            /**
             * Url Symbol
             * @description BASE-QUOTE, as used in URLs
             */
            url_symbol: string;
        };
        /** SymbolPatchIn */
        SymbolPatchIn: {
            /** Is Active */
            is_active: boolean;
        };
        /** TagIn */
        TagIn: {
            /**
             * Color
             * @default #6366f1
             * @example #6366f1
             */
            color: string;
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Name
             * @description 1-50 characters, no `;`; unique per user ignoring case
             * @example breakout
             */
            name: string;
        };
        /** TagOut */
        TagOut: {
            /** Color */
            color: string;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Description */
            description: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /**
         * TagPatch
         * @description Only the fields sent change.
         */
        TagPatch: {
            /** Color */
            color?: string | null;
            /** Description */
            description?: string | null;
            /** Name */
            name?: string | null;
        };
        /** TemplateIn */
        TemplateIn: {
            /**
             * Is Active
             * @default true
             */
            is_active: boolean;
            /**
             * Message
             * @description Placeholders as in the title; rendered per recipient, cut with an ellipsis past 4,096 bytes of UTF-8
             */
            message: string;
            /** Name */
            name: string;
            /**
             * Priority
             * @description ntfy priority 1-5
             * @default 3
             */
            priority: number;
            /**
             * Tags
             * @description Up to 5 ntfy tags, [a-z0-9_]{1,32}
             */
            tags?: string[];
            /**
             * Title
             * @description Placeholders {name}, {tier}, {app_url}; {{ and }} for literal braces
             */
            title: string;
        };
        /** TemplateOut */
        TemplateOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Id */
            id: number;
            /** Is Active */
            is_active: boolean;
            /**
             * Last Used At
             * @description ISO-8601 date-time, UTC
             */
            last_used_at: string | null;
            /** Message */
            message: string;
            /** Name */
            name: string;
            /** Priority */
            priority: number;
            /** Tags */
            tags: string[];
            /** Times Used */
            times_used: number;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            updated_at: string;
        };
        /**
         * TemplatePatchIn
         * @description Only the fields sent change; none may be null.
         */
        TemplatePatchIn: {
            /** Is Active */
            is_active?: boolean | null;
            /** Message */
            message?: string | null;
            /** Name */
            name?: string | null;
            /** Priority */
            priority?: number | null;
            /** Tags */
            tags?: string[] | null;
            /** Title */
            title?: string | null;
        };
        /** TestPushOut */
        TestPushOut: {
            /** Http Status */
            http_status: number | null;
            /**
             * Reason
             * @description Why it was not sent (a code); null when sent
             * @example http_403
             */
            reason?: string | null;
            /**
             * Reason Text
             * @description The reason as a sentence to show
             * @example The ntfy server refused the push: it denies access to your topic (HTTP 403).
             */
            reason_text?: string | null;
            /**
             * Status
             * @description sent, or why not: failed (refused), retry (server busy), throttled
             * @enum {string}
             */
            status: "sent" | "failed" | "retry" | "throttled";
            /** Topic */
            topic: string;
        };
        /**
         * Tier
         * @enum {string}
         */
        Tier: "free" | "pro" | "premium";
        /** TierCountsOut */
        TierCountsOut: {
            /**
             * All
             * @description Every tier together
             */
            all: number;
            /** Free */
            free: number;
            /**
             * Premium
             * @description Admins included (admins are premium)
             */
            premium: number;
            /** Pro */
            pro: number;
        };
        /** TimeframeCoverageOut */
        TimeframeCoverageOut: {
            /**
             * Candle Count
             * @description Stored candles between them
             */
            candle_count: number;
            /**
             * Computed At
             * @description When refresh_stats counted them (ISO-8601 date-time, UTC)
             */
            computed_at: string | null;
            /**
             * Coverage
             * @description candle_count / buckets from the first to the last open time (1.0: no hole); null without candles
             */
            coverage: number | null;
            /**
             * First Open Time
             * @description Oldest stored candle, ms UTC
             */
            first_open_time: number | null;
            /**
             * Last Open Time
             * @description Newest stored candle, ms UTC
             */
            last_open_time: number | null;
            /**
             * Timeframe
             * @example 1h
             */
            timeframe: string;
        };
        /** TokenIn */
        TokenIn: {
            /** Token */
            token: string;
        };
        /** TopErrorOut */
        TopErrorOut: {
            /** Error Type */
            error_type: string;
            /** Id */
            id: number;
            /**
             * Last Seen
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            last_seen: string;
            /** Location */
            location: string;
            /** Message */
            message: string;
            /**
             * Occurrences
             * @description Occurrences within the stats' days
             */
            occurrences: number;
            /**
             * Source
             * @enum {string}
             */
            source: "api" | "job";
            /**
             * Status
             * @enum {string}
             */
            status: "new" | "acknowledged" | "resolved" | "ignored";
        };
        /** TopicOut */
        TopicOut: {
            /** Topic */
            topic: string;
        };
        /** TotpLoginIn */
        TotpLoginIn: {
            /**
             * Code
             * @description 6-digit authenticator code or a backup code
             */
            code: string;
        };
        /** TradeIn */
        TradeIn: {
            /**
             * Direction
             * @enum {string}
             */
            direction: "long" | "short";
            /**
             * Entry Price
             * @example 101.25
             */
            entry_price: number | string;
            /**
             * Entry Time
             * @description Default: when opened (ISO-8601 date-time, UTC)
             */
            entry_time?: string | null;
            /**
             * Fees
             * @default 0
             * @example 1.5
             */
            fees: number | string;
            /** Lessons */
            lessons?: string | null;
            /** Pattern Type */
            pattern_type?: ("fvg" | "order_block" | "liquidity_sweep") | null;
            /** Quantity */
            quantity?: (number | string) | null;
            /** Setup Notes */
            setup_notes?: string | null;
            /**
             * Status
             * @description open (quantity required) or pending
             * @default open
             * @enum {string}
             */
            status: "pending" | "open";
            /** Stop Loss */
            stop_loss?: (number | string) | null;
            /**
             * Symbol
             * @example BTC/USDT
             */
            symbol: string;
            /**
             * Tags
             * @description Up to 10 of the caller's tag ids
             */
            tags?: number[];
            /** Take Profit */
            take_profit?: (number | string) | null;
            /** Timeframe */
            timeframe?: ("1m" | "5m" | "15m" | "1h" | "4h" | "1d") | null;
        };
        /** TradeOut */
        TradeOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Direction
             * @enum {string}
             */
            direction: "long" | "short";
            /**
             * Entry Price
             * @example 101.25
             */
            entry_price: string;
            /**
             * Entry Time
             * @description ISO-8601 date-time, UTC
             */
            entry_time: string | null;
            /** Exit Notes */
            exit_notes: string | null;
            /** Exit Price */
            exit_price: string | null;
            /**
             * Exit Time
             * @description ISO-8601 date-time, UTC
             */
            exit_time: string | null;
            /**
             * Fees
             * @example 101.25
             */
            fees: string;
            /** Id */
            id: number;
            /** Initial Stop Loss */
            initial_stop_loss: string | null;
            /** Lessons */
            lessons: string | null;
            /** Pattern Type */
            pattern_type: string | null;
            /**
             * Pnl
             * @description Closed trades: rounded half-even to 8 decimals
             */
            pnl: string | null;
            /** Pnl Pct */
            pnl_pct: string | null;
            /** Portfolio Id */
            portfolio_id: number;
            /** Quantity */
            quantity: string | null;
            /**
             * R Multiple
             * @description pnl / (|entry - initial stop| * quantity)
             */
            r_multiple: string | null;
            /** Setup Notes */
            setup_notes: string | null;
            /** Signal Id */
            signal_id: number | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "open" | "closed" | "cancelled";
            /** Stop Loss */
            stop_loss: string | null;
            /** Symbol */
            symbol: string;
            /**
             * Tags
             * @description The trade's tags, by name
             */
            tags: components["schemas"]["TradeTagOut"][];
            /** Take Profit */
            take_profit: string | null;
            /** Timeframe */
            timeframe: string | null;
        };
        /**
         * TradePatch
         * @description Only the fields sent change; `null` clears an optional one. Status, signal and the
         *     derived figures are not editable; exit fields on closed trades only; on cancelled ones
         *     notes and tags only. `tags` replaces the trade's tags (`[]`: none).
         */
        TradePatch: {
            /** Direction */
            direction?: ("long" | "short") | null;
            /** Entry Price */
            entry_price?: (number | string) | null;
            /**
             * Entry Time
             * @description ISO-8601 date-time, UTC
             */
            entry_time?: string | null;
            /** Exit Notes */
            exit_notes?: string | null;
            /** Exit Price */
            exit_price?: (number | string) | null;
            /**
             * Exit Time
             * @description ISO-8601 date-time, UTC
             */
            exit_time?: string | null;
            /** Fees */
            fees?: (number | string) | null;
            /** Initial Stop Loss */
            initial_stop_loss?: (number | string) | null;
            /** Lessons */
            lessons?: string | null;
            /** Pattern Type */
            pattern_type?: ("fvg" | "order_block" | "liquidity_sweep") | null;
            /** Quantity */
            quantity?: (number | string) | null;
            /** Setup Notes */
            setup_notes?: string | null;
            /** Stop Loss */
            stop_loss?: (number | string) | null;
            /** Symbol */
            symbol?: string | null;
            /** Tags */
            tags?: number[] | null;
            /** Take Profit */
            take_profit?: (number | string) | null;
            /** Timeframe */
            timeframe?: ("1m" | "5m" | "15m" | "1h" | "4h" | "1d") | null;
        };
        /**
         * TradeTagOut
         * @description A tag on a trade, enough to draw it without reading the tags.
         */
        TradeTagOut: {
            /** Color */
            color: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** TwoFactorSetupOut */
        TwoFactorSetupOut: {
            /** Otpauth Uri */
            otpauth_uri: string;
            /**
             * Qr Image
             * @description The otpauth URI as a QR code, a data: URI (SVG or PNG)
             */
            qr_image: string;
            /**
             * Secret
             * @description Base32 seed, for typing into an authenticator by hand
             */
            secret: string;
        };
        /** UsageDay */
        UsageDay: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Refused */
            refused: number;
            /**
             * Requests
             * @description Requests made with the key, refused ones included
             */
            requests: number;
        };
        /** UserCreateIn */
        UserCreateIn: {
            /** Display Name */
            display_name?: string | null;
            /**
             * Email
             * Format: email
             */
            email: string;
            /** @description A plan to grant at once */
            grant?: components["schemas"]["GrantIn"] | null;
            /**
             * Is Admin
             * @default false
             */
            is_admin: boolean;
            /**
             * Is Verified
             * @description false: a verification mail goes out
             * @default false
             */
            is_verified: boolean;
            /**
             * Password
             * @description 10+ characters, not the email, not a common one
             */
            password: string;
        };
        /** UserOut */
        UserOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Display Name */
            display_name: string | null;
            /** Email */
            email: string;
            /** Id */
            id: number;
            /** Is Admin */
            is_admin: boolean;
            /** Is Verified */
            is_verified: boolean;
            /**
             * Last Login At
             * @description ISO-8601 date-time, UTC
             */
            last_login_at: string | null;
            /** Ntfy Topic */
            ntfy_topic: string;
            /**
             * Theme
             * @enum {string}
             */
            theme: "system" | "light" | "dark";
            /** Timezone */
            timezone: string;
        };
        /**
         * UserPatchIn
         * @description Only the flags sent change (at least one).
         */
        UserPatchIn: {
            /**
             * Is Active
             * @description false: signs the user out
             */
            is_active?: boolean | null;
            /**
             * Is Admin
             * @description A change signs the user out
             */
            is_admin?: boolean | null;
            /** Is Verified */
            is_verified?: boolean | null;
        };
        /** UserStatsOut */
        UserStatsOut: {
            /** @description Users not deactivated, by tier now */
            active: components["schemas"]["TierCountsOut"];
            /**
             * Admins
             * @description Admins (all of them counted under premium)
             */
            admins: number;
            /** @description Every user, by tier now */
            total: components["schemas"]["TierCountsOut"];
            /** @description Users with a verified email, by tier now */
            verified: components["schemas"]["TierCountsOut"];
        };
        /** WatchlistIn */
        WatchlistIn: {
            /**
             * Symbols
             * @example [
             *       "BTC/USDT",
             *       "ETH/USDT"
             *     ]
             */
            symbols: string[];
        };
        /** WatchlistOut */
        WatchlistOut: {
            /**
             * Choices
             * @description Every active symbol: what the watchlist may hold
             */
            choices: string[];
            /**
             * Following
             * @description What the tier lets the user see now; null: every symbol
             */
            following: string[] | null;
            /**
             * Max Symbols
             * @description How many the tier lets the user pick; null: any
             */
            max_symbols: number | null;
            /**
             * Symbols
             * @description The symbols the user picked
             */
            symbols: string[];
        };
        /** WebhookAckOut */
        WebhookAckOut: {
            /**
             * Status
             * @enum {string}
             */
            status: "applied" | "ignored" | "rejected" | "duplicate";
        };
        /** WebhookAttemptOut */
        WebhookAttemptOut: {
            /**
             * Attempted At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            attempted_at: string;
            /**
             * Duration Ms
             * @description Milliseconds
             */
            duration_ms: number;
            /**
             * Error
             * @description timeout, connection, tls or blocked_address
             */
            error: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "auto" | "redeliver" | "test";
            /** Request Headers */
            request_headers: {
                [key: string]: string;
            };
            /**
             * Response Body
             * @description The first 2,048 bytes, invalid UTF-8 replaced
             */
            response_body: string;
            /** Response Headers */
            response_headers: {
                [key: string]: string;
            };
            /** Status Code */
            status_code: number | null;
            /** Succeeded */
            succeeded: boolean;
        };
        /**
         * WebhookAttemptRunOut
         * @description A redelivery or test: the attempt made within the request, and its delivery after.
         */
        WebhookAttemptRunOut: {
            attempt: components["schemas"]["WebhookAttemptOut"];
            delivery: components["schemas"]["WebhookDeliveryOut"];
        };
        /** WebhookDeletedOut */
        WebhookDeletedOut: {
            /** Message */
            message: string;
        };
        /** WebhookDeliveryDetailOut */
        WebhookDeliveryDetailOut: {
            /**
             * Attempt Log
             * @description Every attempt, oldest first
             */
            attempt_log: components["schemas"]["WebhookAttemptOut"][];
            /** Attempts */
            attempts: number;
            /**
             * Body
             * @description The exact body sent
             */
            body: string;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Id
             * @description msg_...: the webhook-id header of every attempt
             */
            id: string;
            /** Last Error */
            last_error: string | null;
            /** Last Status Code */
            last_status_code: number | null;
            /**
             * Next Attempt At
             * @description ISO-8601 date-time, UTC
             */
            next_attempt_at: string | null;
            /**
             * Reason
             * @description Why it failed without a receiver's answer
             */
            reason: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /** Type */
            type: string;
        };
        /** WebhookDeliveryOut */
        WebhookDeliveryOut: {
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /**
             * Id
             * @description msg_...: the webhook-id header of every attempt
             */
            id: string;
            /** Last Error */
            last_error: string | null;
            /** Last Status Code */
            last_status_code: number | null;
            /**
             * Next Attempt At
             * @description ISO-8601 date-time, UTC
             */
            next_attempt_at: string | null;
            /**
             * Reason
             * @description Why it failed without a receiver's answer
             */
            reason: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /** Type */
            type: string;
        };
        /** WebhookEndpointCreatedOut */
        WebhookEndpointCreatedOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Description */
            description: string;
            /**
             * Disabled At
             * @description ISO-8601 date-time, UTC
             */
            disabled_at: string | null;
            /**
             * Disabled Reason
             * @description Why it was auto-disabled
             */
            disabled_reason: string | null;
            /** Events */
            events: ("signal.created" | "signal.updated" | "pattern.created")[];
            /**
             * Failure Streak
             * @description Consecutive failed attempts (tests excluded)
             */
            failure_streak: number;
            filters: components["schemas"]["WebhookFiltersOut"];
            /** Id */
            id: number;
            /** Payload Version */
            payload_version: number;
            /**
             * Previous Secret Until
             * @description Until when the rotated-out secret still signs (both signatures sent) (ISO-8601 date-time, UTC)
             */
            previous_secret_until: string | null;
            /**
             * Secret
             * @description whsec_...: shown in this answer only
             */
            secret: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "disabled" | "auto_disabled";
            /**
             * Updated At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            updated_at: string;
            /** Url */
            url: string;
        };
        /** WebhookEndpointIn */
        WebhookEndpointIn: {
            /**
             * Description
             * @default
             */
            description: string;
            /** Events */
            events?: ("signal.created" | "signal.updated" | "pattern.created")[];
            filters?: components["schemas"]["WebhookFiltersIn"];
            /**
             * Url
             * @example https://example.com/hooks/cryptolens
             */
            url: string;
        };
        /** WebhookEndpointOut */
        WebhookEndpointOut: {
            /**
             * Created At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            created_at: string;
            /** Description */
            description: string;
            /**
             * Disabled At
             * @description ISO-8601 date-time, UTC
             */
            disabled_at: string | null;
            /**
             * Disabled Reason
             * @description Why it was auto-disabled
             */
            disabled_reason: string | null;
            /** Events */
            events: ("signal.created" | "signal.updated" | "pattern.created")[];
            /**
             * Failure Streak
             * @description Consecutive failed attempts (tests excluded)
             */
            failure_streak: number;
            filters: components["schemas"]["WebhookFiltersOut"];
            /** Id */
            id: number;
            /** Payload Version */
            payload_version: number;
            /**
             * Previous Secret Until
             * @description Until when the rotated-out secret still signs (both signatures sent) (ISO-8601 date-time, UTC)
             */
            previous_secret_until: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "disabled" | "auto_disabled";
            /**
             * Updated At
             * Format: date-time
             * @description ISO 8601, UTC, milliseconds: 2026-12-05T04:36:49.123Z
             */
            updated_at: string;
            /** Url */
            url: string;
        };
        /**
         * WebhookEndpointPatch
         * @description Only the fields sent change; `enabled: true` re-activates a disabled endpoint (its
         *     failure count back to 0), `false` disables it.
         */
        WebhookEndpointPatch: {
            /** Description */
            description?: string | null;
            /** Enabled */
            enabled?: boolean | null;
            /** Events */
            events?: ("signal.created" | "signal.updated" | "pattern.created")[] | null;
            filters?: components["schemas"]["WebhookFiltersIn"] | null;
            /** Url */
            url?: string | null;
        };
        /** WebhookFiltersIn */
        WebhookFiltersIn: {
            /**
             * Direction
             * @description A bullish pattern is long, a bearish one short
             * @default both
             * @enum {string}
             */
            direction: "both" | "long" | "short";
            /**
             * Min Confluence
             * @description Signals only
             * @default 1
             */
            min_confluence: number;
            /**
             * Symbols
             * @description BASE/QUOTE; empty: every symbol
             */
            symbols?: string[];
        };
        /** WebhookFiltersOut */
        WebhookFiltersOut: {
            /**
             * Direction
             * @enum {string}
             */
            direction: "both" | "long" | "short";
            /** Min Confluence */
            min_confluence: number;
            /** Symbols */
            symbols: string[];
        };
        /** WebhookSecretOut */
        WebhookSecretOut: {
            /**
             * Previous Secret Until
             * @description Until when the previous secret also signs (ISO-8601 date-time, UTC)
             */
            previous_secret_until: string | null;
            /**
             * Secret
             * @description The new whsec_ secret: shown in this answer only
             */
            secret: string;
        };
        /** WindowStatsOut */
        WindowStatsOut: {
            /**
             * Failed
             * @description Runs that failed (retries used up, or lost)
             */
            failed: number;
            /**
             * Mean Duration Ms
             * @description Mean duration of the ok and failed runs (milliseconds)
             */
            mean_duration_ms: number | null;
            /**
             * Mean Failed Duration Ms
             * @description Mean duration of the failed runs (milliseconds)
             */
            mean_failed_duration_ms: number | null;
            /**
             * Mean Ok Duration Ms
             * @description Mean duration of the ok runs (milliseconds)
             */
            mean_ok_duration_ms: number | null;
            /**
             * Ok
             * @description Runs that ended ok
             */
            ok: number;
            /**
             * Success Rate
             * @description ok / (ok + failed), 0 to 1; null without such runs
             */
            success_rate: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "health-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Health of the service and its dependencies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cache": "ok",
                     *         "cache_backend": "memory",
                     *         "data_source": "exchange",
                     *         "database": "ok",
                     *         "freshness": {
                     *           "key": 1
                     *         },
                     *         "status": "ok",
                     *         "version": "1.0.0"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_HealthOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The database is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "health-live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Liveness: answers without touching any dependency */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "status": "alive"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_LivenessOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-audit-log": {
        parameters: {
            query?: {
                /** @description An action (`user.update`), or a prefix ending in `.` (`user.`) */
                action?: string | null;
                actor_id?: number | null;
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
                /** @description Entries at or after: ms since the epoch or ISO-8601 (UTC if naive) */
                since?: number | string;
                target_id?: string | null;
                target_type?: string | null;
                /** @description Entries before: ms since the epoch or ISO-8601 (UTC if naive) */
                until?: number | string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The audit log of admin writes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "action": "BTC/USDT",
                     *           "actor_email": "BTC/USDT",
                     *           "actor_id": 42,
                     *           "after": {},
                     *           "before": {},
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "id": 42,
                     *           "ip": "BTC/USDT",
                     *           "request_id": "3f2b8c1e9a7d4e6f",
                     *           "target_id": "BTC/USDT",
                     *           "target_type": "BTC/USDT"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_AuditEntryOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast-templates": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                is_active?: boolean | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Broadcast templates, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "id": 42,
                     *           "is_active": true,
                     *           "last_used_at": "2026-01-15T09:30:00.123Z",
                     *           "message": "Done",
                     *           "name": "Daily BTC",
                     *           "priority": 1,
                     *           "tags": [
                     *             "BTC/USDT"
                     *           ],
                     *           "times_used": 1,
                     *           "title": "BTC/USDT",
                     *           "updated_at": "2026-01-15T09:30:00.123Z"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_TemplateOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast-template-create": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "is_active": true,
                 *       "message": "Done",
                 *       "name": "Daily BTC",
                 *       "priority": 3,
                 *       "tags": [
                 *         "fvg"
                 *       ],
                 *       "title": "BTC/USDT"
                 *     }
                 */
                "application/json": components["schemas"]["TemplateIn"];
            };
        };
        responses: {
            /** @description Created: Create a broadcast template */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "id": 42,
                     *         "is_active": true,
                     *         "last_used_at": "2026-01-15T09:30:00.123Z",
                     *         "message": "Done",
                     *         "name": "Daily BTC",
                     *         "priority": 1,
                     *         "tags": [
                     *           "BTC/USDT"
                     *         ],
                     *         "times_used": 1,
                     *         "title": "BTC/USDT",
                     *         "updated_at": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TemplateOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Another template has this name (`name_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad input (`validation_error`) or an unknown placeholder (`unknown_placeholder`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast-template": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                template_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One broadcast template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "id": 42,
                     *         "is_active": true,
                     *         "last_used_at": "2026-01-15T09:30:00.123Z",
                     *         "message": "Done",
                     *         "name": "Daily BTC",
                     *         "priority": 1,
                     *         "tags": [
                     *           "BTC/USDT"
                     *         ],
                     *         "times_used": 1,
                     *         "title": "BTC/USDT",
                     *         "updated_at": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TemplateOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No template with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast-template-delete": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                template_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content: Delete a broadcast template (broadcasts made from it keep their text) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No template with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast-template-update": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                template_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "is_active": true,
                 *       "message": "Done",
                 *       "name": "Daily BTC",
                 *       "priority": 1,
                 *       "tags": [
                 *         "fvg"
                 *       ],
                 *       "title": "BTC/USDT"
                 *     }
                 */
                "application/json": components["schemas"]["TemplatePatchIn"];
            };
        };
        responses: {
            /** @description OK: Change a broadcast template's fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "id": 42,
                     *         "is_active": true,
                     *         "last_used_at": "2026-01-15T09:30:00.123Z",
                     *         "message": "Done",
                     *         "name": "Daily BTC",
                     *         "priority": 1,
                     *         "tags": [
                     *           "BTC/USDT"
                     *         ],
                     *         "times_used": 1,
                     *         "title": "BTC/USDT",
                     *         "updated_at": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TemplateOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No template with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Another template has this name (`name_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad input (`validation_error`) or an unknown placeholder (`unknown_placeholder`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcasts": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
                /** @description Created at or after: ms since the epoch or ISO-8601 (UTC if naive) */
                since?: number | string;
                status?: ("scheduled" | "sending" | "completed" | "cancelled") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Broadcasts, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *           "completed_at": "2026-01-15T09:30:00.123Z",
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "created_by": 1,
                     *           "failed": 1,
                     *           "failure_reasons": [
                     *             {
                     *               "reason": "BTC/USDT",
                     *               "user_id": 42
                     *             }
                     *           ],
                     *           "id": 42,
                     *           "message": "Done",
                     *           "priority": 1,
                     *           "queued": 1,
                     *           "recipients": 1,
                     *           "scheduled_for": "2026-01-15T09:30:00.123Z",
                     *           "sent": 1,
                     *           "skipped": 1,
                     *           "started_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "scheduled",
                     *           "tags": [
                     *             "BTC/USDT"
                     *           ],
                     *           "template_id": 42,
                     *           "tiers": [
                     *             "free"
                     *           ],
                     *           "title": "BTC/USDT"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_BroadcastOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast-create": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "message": "Done",
                 *       "priority": 1,
                 *       "scheduled_for": "2026-01-15T09:30:00.123Z",
                 *       "tags": [
                 *         "fvg"
                 *       ],
                 *       "template_id": 42,
                 *       "tiers": [
                 *         "free"
                 *       ],
                 *       "title": "BTC/USDT"
                 *     }
                 */
                "application/json": components["schemas"]["BroadcastIn"];
            };
        };
        responses: {
            /** @description Scheduled for its minute */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "completed_at": "2026-01-15T09:30:00.123Z",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "created_by": 1,
                     *         "failed": 1,
                     *         "failure_reasons": [
                     *           {
                     *             "reason": "BTC/USDT",
                     *             "user_id": 42
                     *           }
                     *         ],
                     *         "id": 42,
                     *         "message": "Done",
                     *         "priority": 1,
                     *         "queued": 1,
                     *         "recipients": 1,
                     *         "scheduled_for": "2026-01-15T09:30:00.123Z",
                     *         "sent": 1,
                     *         "skipped": 1,
                     *         "started_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "scheduled",
                     *         "tags": [
                     *           "BTC/USDT"
                     *         ],
                     *         "template_id": 42,
                     *         "tiers": [
                     *           "free"
                     *         ],
                     *         "title": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_BroadcastOut_"];
                };
            };
            /** @description Accepted: Send a broadcast now (202, `sending`) or schedule it (201, `scheduled`) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "completed_at": "2026-01-15T09:30:00.123Z",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "created_by": 1,
                     *         "failed": 1,
                     *         "failure_reasons": [
                     *           {
                     *             "reason": "BTC/USDT",
                     *             "user_id": 42
                     *           }
                     *         ],
                     *         "id": 42,
                     *         "message": "Done",
                     *         "priority": 1,
                     *         "queued": 1,
                     *         "recipients": 1,
                     *         "scheduled_for": "2026-01-15T09:30:00.123Z",
                     *         "sent": 1,
                     *         "skipped": 1,
                     *         "started_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "scheduled",
                     *         "tags": [
                     *           "BTC/USDT"
                     *         ],
                     *         "template_id": 42,
                     *         "tiers": [
                     *           "free"
                     *         ],
                     *         "title": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_BroadcastOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad input (`validation_error`) or an unknown placeholder (`unknown_placeholder`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description More than 10 broadcasts in an hour by this admin (`rate_limited`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                broadcast_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One broadcast with its totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "completed_at": "2026-01-15T09:30:00.123Z",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "created_by": 1,
                     *         "failed": 1,
                     *         "failure_reasons": [
                     *           {
                     *             "reason": "BTC/USDT",
                     *             "user_id": 42
                     *           }
                     *         ],
                     *         "id": 42,
                     *         "message": "Done",
                     *         "priority": 1,
                     *         "queued": 1,
                     *         "recipients": 1,
                     *         "scheduled_for": "2026-01-15T09:30:00.123Z",
                     *         "sent": 1,
                     *         "skipped": 1,
                     *         "started_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "scheduled",
                     *         "tags": [
                     *           "BTC/USDT"
                     *         ],
                     *         "template_id": 42,
                     *         "tiers": [
                     *           "free"
                     *         ],
                     *         "title": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_BroadcastOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No broadcast with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast-cancel": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                broadcast_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Cancel a scheduled broadcast */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "completed_at": "2026-01-15T09:30:00.123Z",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "created_by": 1,
                     *         "failed": 1,
                     *         "failure_reasons": [
                     *           {
                     *             "reason": "BTC/USDT",
                     *             "user_id": 42
                     *           }
                     *         ],
                     *         "id": 42,
                     *         "message": "Done",
                     *         "priority": 1,
                     *         "queued": 1,
                     *         "recipients": 1,
                     *         "scheduled_for": "2026-01-15T09:30:00.123Z",
                     *         "sent": 1,
                     *         "skipped": 1,
                     *         "started_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "scheduled",
                     *         "tags": [
                     *           "BTC/USDT"
                     *         ],
                     *         "template_id": 42,
                     *         "tiers": [
                     *           "free"
                     *         ],
                     *         "title": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_BroadcastOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No broadcast with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The broadcast is not scheduled (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-broadcast-audience": {
        parameters: {
            query?: {
                /** @description Tiers, comma-separated or repeated (default: all) */
                tiers?: string[] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: How many users a broadcast to these tiers would reach now (counts only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "by_tier": {
                     *           "key": 1
                     *         },
                     *         "excluded_notifications_off": 1,
                     *         "excluded_unverified": 1,
                     *         "total": 1
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AudienceOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unknown tier (`validation_error`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-errors": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
                /** @description In the type or message, any case */
                q?: string | null;
                /** @description Groups last seen at or after: ms since the epoch or ISO-8601 (UTC if naive) */
                since?: number | string;
                /** @description `api` (500s) or `job` (failed runs) */
                source?: ("api" | "job") | null;
                status?: ("new" | "acknowledged" | "resolved" | "ignored") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Error groups, last seen first, filtered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "error_type": "BTC/USDT",
                     *           "fingerprint": "BTC/USDT",
                     *           "first_seen": "2026-01-15T09:30:00.123Z",
                     *           "frames": "BTC/USDT",
                     *           "id": 42,
                     *           "last_seen": "2026-01-15T09:30:00.123Z",
                     *           "location": "BTC/USDT",
                     *           "message": "Done",
                     *           "occurrence_count": 1,
                     *           "regressed_at": "2026-01-15T09:30:00.123Z",
                     *           "source": "api",
                     *           "status": "new",
                     *           "status_changed_at": "2026-01-15T09:30:00.123Z",
                     *           "status_changed_by": 1
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_ErrorGroupOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-error": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                error_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: An error group with its latest occurrences and daily counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "daily_counts": [
                     *           {
                     *             "day": "2026-01-15",
                     *             "occurrences": 1
                     *           }
                     *         ],
                     *         "error_type": "BTC/USDT",
                     *         "fingerprint": "BTC/USDT",
                     *         "first_seen": "2026-01-15T09:30:00.123Z",
                     *         "frames": "BTC/USDT",
                     *         "id": 42,
                     *         "last_seen": "2026-01-15T09:30:00.123Z",
                     *         "location": "BTC/USDT",
                     *         "message": "Done",
                     *         "notes": "BTC/USDT",
                     *         "occurrence_count": 1,
                     *         "occurrences": [
                     *           {
                     *             "body": "BTC/USDT",
                     *             "headers": {},
                     *             "id": 42,
                     *             "job_id": "BTC/USDT",
                     *             "method": "BTC/USDT",
                     *             "occurred_at": "2026-01-15T09:30:00.123Z",
                     *             "path": "BTC/USDT",
                     *             "query": {},
                     *             "request_id": "3f2b8c1e9a7d4e6f",
                     *             "user_id": 42
                     *           }
                     *         ],
                     *         "regressed_at": "2026-01-15T09:30:00.123Z",
                     *         "source": "api",
                     *         "status": "new",
                     *         "status_changed_at": "2026-01-15T09:30:00.123Z",
                     *         "status_changed_by": 1,
                     *         "traceback": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_ErrorGroupDetailOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No error group with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-error-status": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                error_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "BTC/USDT",
                 *       "status": "new"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorStatusIn"];
            };
        };
        responses: {
            /** @description OK: Set an error group's status (new, acknowledged, resolved, ignored), with a note */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "error_type": "BTC/USDT",
                     *         "fingerprint": "BTC/USDT",
                     *         "first_seen": "2026-01-15T09:30:00.123Z",
                     *         "frames": "BTC/USDT",
                     *         "id": 42,
                     *         "last_seen": "2026-01-15T09:30:00.123Z",
                     *         "location": "BTC/USDT",
                     *         "message": "Done",
                     *         "notes": "BTC/USDT",
                     *         "occurrence_count": 1,
                     *         "regressed_at": "2026-01-15T09:30:00.123Z",
                     *         "source": "api",
                     *         "status": "new",
                     *         "status_changed_at": "2026-01-15T09:30:00.123Z",
                     *         "status_changed_by": 1,
                     *         "traceback": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_ErrorGroupFullOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No error group with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The group has this status already (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-error-stats": {
        parameters: {
            query?: {
                /** @description UTC days, today included */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Occurrences and new groups per UTC day, groups by status, the top 10 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "by_status": {
                     *           "acknowledged": 1,
                     *           "ignored": 1,
                     *           "new": 1,
                     *           "resolved": 1
                     *         },
                     *         "daily": [
                     *           {
                     *             "day": "2026-01-15",
                     *             "new_groups": 1,
                     *             "occurrences": 1
                     *           }
                     *         ],
                     *         "days": 1,
                     *         "top": [
                     *           {
                     *             "error_type": "BTC/USDT",
                     *             "id": 42,
                     *             "last_seen": "2026-01-15T09:30:00.123Z",
                     *             "location": "BTC/USDT",
                     *             "message": "Done",
                     *             "occurrences": 1,
                     *             "source": "api",
                     *             "status": "new"
                     *           }
                     *         ]
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_ErrorStatsOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The cron jobs: schedule, queue, switch, last run and the last 24 h */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "enabled": true,
                     *           "last_24h": {
                     *             "failed": 1,
                     *             "mean_duration_ms": 1768469400123,
                     *             "mean_failed_duration_ms": 1768469400123,
                     *             "mean_ok_duration_ms": 1768469400123,
                     *             "ok": 1,
                     *             "success_rate": 1
                     *           },
                     *           "last_run": {
                     *             "duration_ms": 1768469400123,
                     *             "id": 42,
                     *             "started_at": "2026-01-15T09:30:00.123Z",
                     *             "status": "running"
                     *           },
                     *           "name": "Daily BTC",
                     *           "queue": "high",
                     *           "schedule": "*\/5 * * * *"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_JobOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An API key's rate limit (`rate_limited`) */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-job-update": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: with the session cookie; an API key caller leaves it out
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A cron job's name */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true
                 *     }
                 */
                "application/json": components["schemas"]["JobPatchIn"];
            };
        };
        responses: {
            /** @description OK: Switch a cron job on or off */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "enabled": true,
                     *         "last_24h": {
                     *           "failed": 1,
                     *           "mean_duration_ms": 1768469400123,
                     *           "mean_failed_duration_ms": 1768469400123,
                     *           "mean_ok_duration_ms": 1768469400123,
                     *           "ok": 1,
                     *           "success_rate": 1
                     *         },
                     *         "last_run": {
                     *           "duration_ms": 1768469400123,
                     *           "id": 42,
                     *           "started_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "running"
                     *         },
                     *         "name": "Daily BTC",
                     *         "queue": "high",
                     *         "schedule": "*\/5 * * * *"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_JobOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No cron job of that name (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An API key's rate limit (`rate_limited`) */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-job-run": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: with the session cookie; an API key caller leaves it out
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A cron job's name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Run a cron job now (even when switched off) */
            202: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "job_id": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_JobRunNowOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No cron job of that name (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An API key's rate limit (`rate_limited`) */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The job runner is stopping */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-job-runs": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
                /** @description A job's name */
                name?: string | null;
                queue?: ("high" | "default" | "low") | null;
                /** @description Runs started at or after: ms since the epoch or ISO-8601 (UTC if naive) */
                since?: number | string;
                status?: ("running" | "ok" | "failed" | "retrying" | "skipped") | null;
                /** @description Runs started before: ms since the epoch or ISO-8601 (UTC if naive) */
                until?: number | string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The run history, newest first */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "args_summary": "BTC/USDT",
                     *           "counters": {
                     *             "candles_fetched": 1,
                     *             "notifications_sent": 1,
                     *             "patterns_found": 1,
                     *             "signals_created": 1
                     *           },
                     *           "duration_ms": 1768469400123,
                     *           "enqueued_at": "2026-01-15T09:30:00.123Z",
                     *           "error": "BTC/USDT",
                     *           "finished_at": "2026-01-15T09:30:00.123Z",
                     *           "id": 42,
                     *           "job_id": "BTC/USDT",
                     *           "name": "Daily BTC",
                     *           "queue": "high",
                     *           "started_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "running"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_JobRunOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An API key's rate limit (`rate_limited`) */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-payments": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
                provider?: ("card" | "crypto" | "fake") | null;
                status?: ("pending" | "completed" | "failed" | "expired" | "refunded") | null;
                user_id?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Payments, newest first, filtered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "amount": "19.00",
                     *           "checkout_expires_at": "2026-01-15T09:30:00.123Z",
                     *           "completed_at": "2026-01-15T09:30:00.123Z",
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "currency": "USD",
                     *           "cycle": "monthly",
                     *           "email": "trader@example.com",
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "failure_reason": "BTC/USDT",
                     *           "id": 42,
                     *           "kind": "checkout",
                     *           "method": "card",
                     *           "paid_amount": "BTC/USDT",
                     *           "paid_currency": "BTC/USDT",
                     *           "period_start": "2026-01-15T09:30:00.123Z",
                     *           "plan": "pro",
                     *           "provider": "card",
                     *           "provider_checkout_id": "BTC/USDT",
                     *           "provider_object_id": "BTC/USDT",
                     *           "provider_status": "BTC/USDT",
                     *           "provider_subscription_id": "BTC/USDT",
                     *           "refunded_at": "2026-01-15T09:30:00.123Z",
                     *           "refunded_by": "provider",
                     *           "status": "pending",
                     *           "updated_at": "2026-01-15T09:30:00.123Z",
                     *           "user_id": 42
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_AdminPaymentListOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-payment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                payment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A payment with the provider events recorded for it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "amount": "19.00",
                     *         "checkout_expires_at": "2026-01-15T09:30:00.123Z",
                     *         "completed_at": "2026-01-15T09:30:00.123Z",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "currency": "USD",
                     *         "cycle": "monthly",
                     *         "email": "trader@example.com",
                     *         "events": [
                     *           {
                     *             "detail": "BTC/USDT",
                     *             "event_id": "BTC/USDT",
                     *             "event_type": "order_created",
                     *             "id": 42,
                     *             "outcome": "applied",
                     *             "received_at": "2026-01-15T09:30:00.123Z"
                     *           }
                     *         ],
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "failure_reason": "BTC/USDT",
                     *         "id": 42,
                     *         "kind": "checkout",
                     *         "method": "card",
                     *         "paid_amount": "BTC/USDT",
                     *         "paid_currency": "BTC/USDT",
                     *         "period_start": "2026-01-15T09:30:00.123Z",
                     *         "plan": "pro",
                     *         "provider": "card",
                     *         "provider_checkout_id": "BTC/USDT",
                     *         "provider_object_id": "BTC/USDT",
                     *         "provider_status": "BTC/USDT",
                     *         "provider_subscription_id": "BTC/USDT",
                     *         "refunded_at": "2026-01-15T09:30:00.123Z",
                     *         "refunded_by": "provider",
                     *         "status": "pending",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "user_id": 42
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminPaymentDetailOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No payment with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-refund-payment": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                payment_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "BTC/USDT"
                 *     }
                 */
                "application/json": components["schemas"]["RefundIn"];
            };
        };
        responses: {
            /** @description OK: Mark a completed payment refunded (the money goes back at the provider) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "amount": "19.00",
                     *         "checkout_expires_at": "2026-01-15T09:30:00.123Z",
                     *         "completed_at": "2026-01-15T09:30:00.123Z",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "currency": "USD",
                     *         "cycle": "monthly",
                     *         "email": "trader@example.com",
                     *         "events": [
                     *           {
                     *             "detail": "BTC/USDT",
                     *             "event_id": "BTC/USDT",
                     *             "event_type": "order_created",
                     *             "id": 42,
                     *             "outcome": "applied",
                     *             "received_at": "2026-01-15T09:30:00.123Z"
                     *           }
                     *         ],
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "failure_reason": "BTC/USDT",
                     *         "id": 42,
                     *         "kind": "checkout",
                     *         "method": "card",
                     *         "paid_amount": "BTC/USDT",
                     *         "paid_currency": "BTC/USDT",
                     *         "period_start": "2026-01-15T09:30:00.123Z",
                     *         "plan": "pro",
                     *         "provider": "card",
                     *         "provider_checkout_id": "BTC/USDT",
                     *         "provider_object_id": "BTC/USDT",
                     *         "provider_status": "BTC/USDT",
                     *         "provider_subscription_id": "BTC/USDT",
                     *         "refunded_at": "2026-01-15T09:30:00.123Z",
                     *         "refunded_by": "provider",
                     *         "status": "pending",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "user_id": 42
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminPaymentDetailOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No payment with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Only a completed payment can be refunded (`payment_not_refundable`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The runtime settings: value in force, default and valid range of each */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "default": "example",
                     *           "description": "BTC/USDT",
                     *           "key": "min_confluence",
                     *           "range": {
                     *             "choices": [
                     *               "BTC/USDT"
                     *             ],
                     *             "maximum": 1,
                     *             "minimum": 1,
                     *             "minimum_exclusive": true,
                     *             "text": "2 < x <= 10"
                     *           },
                     *           "type": "int",
                     *           "updated_at": "2026-01-15T09:30:00.123Z",
                     *           "updated_by": 1,
                     *           "value": "example"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_SettingOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-setting-update": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A runtime key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "value": 3
                 *     }
                 */
                "application/json": components["schemas"]["SettingIn"];
            };
        };
        responses: {
            /** @description OK: Store a runtime setting (used from the next job run; API processes within 10 s) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "default": "example",
                     *         "description": "BTC/USDT",
                     *         "key": "min_confluence",
                     *         "range": {
                     *           "choices": [
                     *             "BTC/USDT"
                     *           ],
                     *           "maximum": 1,
                     *           "minimum": 1,
                     *           "minimum_exclusive": true,
                     *           "text": "2 < x <= 10"
                     *         },
                     *         "type": "int",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "updated_by": 1,
                     *         "value": "example"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_SettingOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such runtime setting (`unknown_setting`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Wrong JSON type or out of range (`invalid_setting`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-setting-reset": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A runtime key */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Restore a runtime setting's default (the environment's value) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "default": "example",
                     *         "description": "BTC/USDT",
                     *         "key": "min_confluence",
                     *         "range": {
                     *           "choices": [
                     *             "BTC/USDT"
                     *           ],
                     *           "maximum": 1,
                     *           "minimum": 1,
                     *           "minimum_exclusive": true,
                     *           "text": "2 < x <= 10"
                     *         },
                     *         "type": "int",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "updated_by": 1,
                     *         "value": "example"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_SettingOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such runtime setting (`unknown_setting`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-stats": {
        parameters: {
            query?: {
                /** @description UTC days, today included */
                days?: number;
                /** @description UTC months, this one included */
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Users and subscriptions by tier, revenue by month, activity by day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "daily": [
                     *           {
                     *             "day": "2026-01-15",
                     *             "deliveries_failed": 1,
                     *             "deliveries_sent": 1,
                     *             "deliveries_skipped": 1,
                     *             "patterns_confirmed": 1,
                     *             "signals_created": 1
                     *           }
                     *         ],
                     *         "days": 1,
                     *         "generated_at": "2026-01-15T09:30:00.123Z",
                     *         "months": 1,
                     *         "revenue": {
                     *           "currency": "USD",
                     *           "months": [
                     *             {
                     *               "completed": {
                     *                 "amount": "BTC/USDT",
                     *                 "count": 1
                     *               },
                     *               "month": "2026-12",
                     *               "refunded": {
                     *                 "amount": "BTC/USDT",
                     *                 "count": 1
                     *               }
                     *             }
                     *           ]
                     *         },
                     *         "subscriptions": {
                     *           "conferring": {
                     *             "all": 1,
                     *             "premium": 1,
                     *             "pro": 1
                     *           },
                     *           "expiring_within_7_days": 1,
                     *           "in_grace": 1,
                     *           "lifetime": 1
                     *         },
                     *         "users": {
                     *           "active": {
                     *             "all": 1,
                     *             "free": 1,
                     *             "premium": 1,
                     *             "pro": 1
                     *           },
                     *           "admins": 1,
                     *           "total": {
                     *             "all": 1,
                     *             "free": 1,
                     *             "premium": 1,
                     *             "pro": 1
                     *           },
                     *           "verified": {
                     *             "all": 1,
                     *             "free": 1,
                     *             "premium": 1,
                     *             "pro": 1
                     *           }
                     *         }
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminStatsOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-subscriptions": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                /** @description Active and expiring within N days (soonest first) */
                expiring_within_days?: number | null;
                /** @description Active, past expires_at, within the grace days */
                in_grace?: boolean | null;
                /** @description Never expires */
                lifetime?: boolean | null;
                limit?: number;
                /** @description The plan's tier */
                plan?: ("pro" | "premium") | null;
                status?: ("active" | "cancelled" | "expired" | "suspended") | null;
                user_id?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Subscriptions, newest first (expiring_within_days: soonest expiry first) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *           "email": "trader@example.com",
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "grace_days": 1,
                     *           "in_grace": true,
                     *           "lifetime": true,
                     *           "plan": "pro",
                     *           "plan_code": "pro_monthly",
                     *           "started_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "active",
                     *           "tier": "free",
                     *           "updated_at": "2026-01-15T09:30:00.123Z",
                     *           "user_id": 42
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_AdminSubscriptionOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-symbols": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                /** @description Only active or inactive ones */
                is_active?: boolean | null;
                limit?: number;
                /** @description Part of the name, any case (`btc`, `ETH/`, `-USDT`) */
                q?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The data source's symbols with freshness and coverage, newest added first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "added_at": "2026-01-15T09:30:00.123Z",
                     *           "backfilled_at": "2026-01-15T09:30:00.123Z",
                     *           "base": "BTC",
                     *           "coverage": [
                     *             {
                     *               "candle_count": 1,
                     *               "computed_at": "2026-01-15T09:30:00.123Z",
                     *               "coverage": 1,
                     *               "first_open_time": 1,
                     *               "last_open_time": 1,
                     *               "timeframe": "1h"
                     *             }
                     *           ],
                     *           "exchange": "binance",
                     *           "freshness": "live",
                     *           "id": 42,
                     *           "is_active": true,
                     *           "is_mandatory": true,
                     *           "last_candle_time": 1,
                     *           "last_fetch_at": "2026-01-15T09:30:00.123Z",
                     *           "last_fetch_error": "BTC/USDT",
                     *           "price_precision": 1,
                     *           "quote": "USDT",
                     *           "removed_at": "2026-01-15T09:30:00.123Z",
                     *           "symbol": "BTC/USDT",
                     *           "tick_size": 1,
                     *           "url_symbol": "BTC-USDT"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_AdminSymbolOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-symbols-add": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "symbol": "ADA/USDT"
                 *     }
                 */
                "application/json": components["schemas"]["SymbolAddIn"];
            };
        };
        responses: {
            /** @description Created: Follow a listed spot market (or re-enable a disabled one) and queue its backfill */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "job_id": "BTC/USDT",
                     *         "symbol": {
                     *           "added_at": "2026-01-15T09:30:00.123Z",
                     *           "backfilled_at": "2026-01-15T09:30:00.123Z",
                     *           "base": "BTC",
                     *           "coverage": [
                     *             {
                     *               "candle_count": 1,
                     *               "computed_at": "2026-01-15T09:30:00.123Z",
                     *               "coverage": 1,
                     *               "first_open_time": 1,
                     *               "last_open_time": 1,
                     *               "timeframe": "1h"
                     *             }
                     *           ],
                     *           "exchange": "binance",
                     *           "freshness": "live",
                     *           "id": 42,
                     *           "is_active": true,
                     *           "is_mandatory": true,
                     *           "last_candle_time": 1,
                     *           "last_fetch_at": "2026-01-15T09:30:00.123Z",
                     *           "last_fetch_error": "BTC/USDT",
                     *           "price_precision": 1,
                     *           "quote": "USDT",
                     *           "removed_at": "2026-01-15T09:30:00.123Z",
                     *           "symbol": "BTC/USDT",
                     *           "tick_size": 1,
                     *           "url_symbol": "BTC-USDT"
                     *         }
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_SymbolChangeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Already followed (`symbol_exists`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No active spot market of that name (`unknown_symbol`), or bad input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The exchange refused the market listing (`exchange_error`) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The exchange could not be reached (`exchange_unavailable`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-symbols-update": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description The symbol, BASE-QUOTE (`BTC-USDT`) or BASE/QUOTE URL-encoded (`BTC%2FUSDT`), any case */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "is_active": true
                 *     }
                 */
                "application/json": components["schemas"]["SymbolPatchIn"];
            };
        };
        responses: {
            /** @description OK: Enable (backfilling from the newest stored candle) or disable (soft delete) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "job_id": "BTC/USDT",
                     *         "symbol": {
                     *           "added_at": "2026-01-15T09:30:00.123Z",
                     *           "backfilled_at": "2026-01-15T09:30:00.123Z",
                     *           "base": "BTC",
                     *           "coverage": [
                     *             {
                     *               "candle_count": 1,
                     *               "computed_at": "2026-01-15T09:30:00.123Z",
                     *               "coverage": 1,
                     *               "first_open_time": 1,
                     *               "last_open_time": 1,
                     *               "timeframe": "1h"
                     *             }
                     *           ],
                     *           "exchange": "binance",
                     *           "freshness": "live",
                     *           "id": 42,
                     *           "is_active": true,
                     *           "is_mandatory": true,
                     *           "last_candle_time": 1,
                     *           "last_fetch_at": "2026-01-15T09:30:00.123Z",
                     *           "last_fetch_error": "BTC/USDT",
                     *           "price_precision": 1,
                     *           "quote": "USDT",
                     *           "removed_at": "2026-01-15T09:30:00.123Z",
                     *           "symbol": "BTC/USDT",
                     *           "tick_size": 1,
                     *           "url_symbol": "BTC-USDT"
                     *         }
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_SymbolChangeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No symbol of that name on the data source (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A mandatory symbol cannot be disabled (`symbol_mandatory`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad input (`validation_error`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-symbols-load-markets": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "quote": "USDT"
                 *     }
                 */
                "application/json": components["schemas"]["LoadMarketsIn"];
            };
        };
        responses: {
            /** @description Accepted: Queue a job adding each active spot market of a quote as an inactive symbol */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "job_id": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_LoadMarketsOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Bad input (`validation_error`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The job queue is not available */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-users": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                is_active?: boolean | null;
                is_admin?: boolean | null;
                is_verified?: boolean | null;
                limit?: number;
                /** @description Locked now after failed sign-ins */
                locked?: boolean | null;
                /** @description In the email or display name, any case */
                q?: string | null;
                /** @description The tier now (admins: premium) */
                tier?: components["schemas"]["Tier"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Users, newest first, filtered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "display_name": "Ada Trader",
                     *           "email": "trader@example.com",
                     *           "failed_logins": 1,
                     *           "id": 42,
                     *           "is_active": true,
                     *           "is_admin": true,
                     *           "is_verified": true,
                     *           "last_login_at": "2026-01-15T09:30:00.123Z",
                     *           "locked": true,
                     *           "locked_until": "2026-01-15T09:30:00.123Z",
                     *           "tier": "free"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_AdminUserOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-create-user": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "display_name": "Ada Trader",
                 *       "email": "trader@example.com",
                 *       "grant": {
                 *         "days": 1,
                 *         "lifetime": false,
                 *         "plan": "pro"
                 *       },
                 *       "is_admin": false,
                 *       "is_verified": false,
                 *       "password": "correct-horse-battery-staple"
                 *     }
                 */
                "application/json": components["schemas"]["UserCreateIn"];
            };
        };
        responses: {
            /** @description Created: Create a user (optionally with a plan); unverified ones get a verification mail */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "deliveries": [
                     *           {
                     *             "attempts": 1,
                     *             "broadcast_id": 42,
                     *             "created_at": "2026-01-15T09:30:00.123Z",
                     *             "id": 42,
                     *             "reason": "symbol_not_in_tier",
                     *             "reason_text": "Your plan does not include this symbol.",
                     *             "sent_at": "2026-01-15T09:30:00.123Z",
                     *             "signal_id": 42,
                     *             "status": "queued",
                     *             "symbol": "BTC/USDT",
                     *             "title": "BTC/USDT"
                     *           }
                     *         ],
                     *         "display_name": "Ada Trader",
                     *         "email": "trader@example.com",
                     *         "failed_logins": 1,
                     *         "id": 42,
                     *         "is_active": true,
                     *         "is_admin": true,
                     *         "is_verified": true,
                     *         "last_login_at": "2026-01-15T09:30:00.123Z",
                     *         "locked": true,
                     *         "locked_until": "2026-01-15T09:30:00.123Z",
                     *         "payments": [
                     *           {
                     *             "amount": "19.00",
                     *             "completed_at": "2026-01-15T09:30:00.123Z",
                     *             "created_at": "2026-01-15T09:30:00.123Z",
                     *             "currency": "USD",
                     *             "cycle": "monthly",
                     *             "expires_at": "2026-01-15T09:30:00.123Z",
                     *             "failure_reason": "BTC/USDT",
                     *             "id": 42,
                     *             "kind": "checkout",
                     *             "method": "card",
                     *             "period_start": "2026-01-15T09:30:00.123Z",
                     *             "plan": "pro",
                     *             "provider": "card",
                     *             "provider_checkout_id": "BTC/USDT",
                     *             "provider_object_id": "BTC/USDT",
                     *             "provider_status": "BTC/USDT",
                     *             "provider_subscription_id": "BTC/USDT",
                     *             "refunded_at": "2026-01-15T09:30:00.123Z",
                     *             "refunded_by": "provider",
                     *             "status": "pending",
                     *             "user_id": 42
                     *           }
                     *         ],
                     *         "sessions": [
                     *           {
                     *             "created_at": "2026-01-15T09:30:00.123Z",
                     *             "expires_at": "2026-01-15T09:30:00.123Z",
                     *             "id": 42,
                     *             "ip": "BTC/USDT",
                     *             "last_seen_at": "2026-01-15T09:30:00.123Z",
                     *             "user_agent": "BTC/USDT"
                     *           }
                     *         ],
                     *         "subscription": {
                     *           "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *           "email": "trader@example.com",
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "grace_days": 1,
                     *           "in_grace": true,
                     *           "lifetime": true,
                     *           "plan": "pro",
                     *           "plan_code": "pro_monthly",
                     *           "started_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "active",
                     *           "tier": "free",
                     *           "updated_at": "2026-01-15T09:30:00.123Z",
                     *           "user_id": 42
                     *         },
                     *         "tier": "free",
                     *         "timezone": "Europe/Berlin",
                     *         "two_factor": true
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminUserDetailOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Email already registered (`email_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-user": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A user with subscription, open sessions, failed sign-ins, latest deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "deliveries": [
                     *           {
                     *             "attempts": 1,
                     *             "broadcast_id": 42,
                     *             "created_at": "2026-01-15T09:30:00.123Z",
                     *             "id": 42,
                     *             "reason": "symbol_not_in_tier",
                     *             "reason_text": "Your plan does not include this symbol.",
                     *             "sent_at": "2026-01-15T09:30:00.123Z",
                     *             "signal_id": 42,
                     *             "status": "queued",
                     *             "symbol": "BTC/USDT",
                     *             "title": "BTC/USDT"
                     *           }
                     *         ],
                     *         "display_name": "Ada Trader",
                     *         "email": "trader@example.com",
                     *         "failed_logins": 1,
                     *         "id": 42,
                     *         "is_active": true,
                     *         "is_admin": true,
                     *         "is_verified": true,
                     *         "last_login_at": "2026-01-15T09:30:00.123Z",
                     *         "locked": true,
                     *         "locked_until": "2026-01-15T09:30:00.123Z",
                     *         "payments": [
                     *           {
                     *             "amount": "19.00",
                     *             "completed_at": "2026-01-15T09:30:00.123Z",
                     *             "created_at": "2026-01-15T09:30:00.123Z",
                     *             "currency": "USD",
                     *             "cycle": "monthly",
                     *             "expires_at": "2026-01-15T09:30:00.123Z",
                     *             "failure_reason": "BTC/USDT",
                     *             "id": 42,
                     *             "kind": "checkout",
                     *             "method": "card",
                     *             "period_start": "2026-01-15T09:30:00.123Z",
                     *             "plan": "pro",
                     *             "provider": "card",
                     *             "provider_checkout_id": "BTC/USDT",
                     *             "provider_object_id": "BTC/USDT",
                     *             "provider_status": "BTC/USDT",
                     *             "provider_subscription_id": "BTC/USDT",
                     *             "refunded_at": "2026-01-15T09:30:00.123Z",
                     *             "refunded_by": "provider",
                     *             "status": "pending",
                     *             "user_id": 42
                     *           }
                     *         ],
                     *         "sessions": [
                     *           {
                     *             "created_at": "2026-01-15T09:30:00.123Z",
                     *             "expires_at": "2026-01-15T09:30:00.123Z",
                     *             "id": 42,
                     *             "ip": "BTC/USDT",
                     *             "last_seen_at": "2026-01-15T09:30:00.123Z",
                     *             "user_agent": "BTC/USDT"
                     *           }
                     *         ],
                     *         "subscription": {
                     *           "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *           "email": "trader@example.com",
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "grace_days": 1,
                     *           "in_grace": true,
                     *           "lifetime": true,
                     *           "plan": "pro",
                     *           "plan_code": "pro_monthly",
                     *           "started_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "active",
                     *           "tier": "free",
                     *           "updated_at": "2026-01-15T09:30:00.123Z",
                     *           "user_id": 42
                     *         },
                     *         "tier": "free",
                     *         "timezone": "Europe/Berlin",
                     *         "two_factor": true
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminUserDetailOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No user with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-update-user": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "is_active": true,
                 *       "is_admin": true,
                 *       "is_verified": true
                 *     }
                 */
                "application/json": components["schemas"]["UserPatchIn"];
            };
        };
        responses: {
            /** @description OK: Change is_active, is_verified or is_admin (deactivating or a rights change signs the user out) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "display_name": "Ada Trader",
                     *         "email": "trader@example.com",
                     *         "failed_logins": 1,
                     *         "id": 42,
                     *         "is_active": true,
                     *         "is_admin": true,
                     *         "is_verified": true,
                     *         "last_login_at": "2026-01-15T09:30:00.123Z",
                     *         "locked": true,
                     *         "locked_until": "2026-01-15T09:30:00.123Z",
                     *         "tier": "free"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminUserOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No user with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Clearing your own is_active or is_admin (`self_protected`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-end-user-sessions": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Sign the user out everywhere (yourself: every session but this one) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "ended": 1
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_EndedSessionsOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No user with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-cancel-subscription": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Cancel an active subscription: access until expires_at (a lifetime one ends now) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "email": "trader@example.com",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "grace_days": 1,
                     *         "in_grace": true,
                     *         "lifetime": true,
                     *         "plan": "pro",
                     *         "plan_code": "pro_monthly",
                     *         "started_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "active",
                     *         "tier": "free",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "user_id": 42
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminSubscriptionOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No user with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed from the subscription's state (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-grant-subscription": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "days": 1,
                 *       "lifetime": false,
                 *       "plan": "pro"
                 *     }
                 */
                "application/json": components["schemas"]["GrantIn"];
            };
        };
        responses: {
            /** @description OK: Grant a plan for days (added to the current end) or for life */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "email": "trader@example.com",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "grace_days": 1,
                     *         "in_grace": true,
                     *         "lifetime": true,
                     *         "plan": "pro",
                     *         "plan_code": "pro_monthly",
                     *         "started_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "active",
                     *         "tier": "free",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "user_id": 42
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminSubscriptionOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No user with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Days on a lifetime subscription (`subscription_lifetime`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-reactivate-subscription": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Reactivate a suspended or cancelled subscription within its grace days */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "email": "trader@example.com",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "grace_days": 1,
                     *         "in_grace": true,
                     *         "lifetime": true,
                     *         "plan": "pro",
                     *         "plan_code": "pro_monthly",
                     *         "started_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "active",
                     *         "tier": "free",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "user_id": 42
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminSubscriptionOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No user with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed from the subscription's state (`invalid_transition`), or ended past its grace days (`subscription_expired`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-suspend-subscription": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Suspend an active or cancelled subscription: free at once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "email": "trader@example.com",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "grace_days": 1,
                     *         "in_grace": true,
                     *         "lifetime": true,
                     *         "plan": "pro",
                     *         "plan_code": "pro_monthly",
                     *         "started_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "active",
                     *         "tier": "free",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "user_id": 42
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_AdminSubscriptionOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No user with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed from the subscription's state (`invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "admin-unlock-user": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content: Clear the sign-in lock and the failure count */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not an admin (`admin_required`), an API key where the route takes none (`session_required`) or without its admin scope (`scope_required`), or CSRF failed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `admin_required`: not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No user with this id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "api-keys-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's API keys (never the key itself: its prefix) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "id": 42,
                     *           "ip_allow": [
                     *             "BTC/USDT"
                     *           ],
                     *           "ip_deny": [
                     *             "BTC/USDT"
                     *           ],
                     *           "last_used_at": "2026-01-15T09:30:00.123Z",
                     *           "last_used_ip": "BTC/USDT",
                     *           "limit_per_day": 1,
                     *           "limit_per_hour": 1,
                     *           "limit_per_minute": 1,
                     *           "name": "Daily BTC",
                     *           "prefix": "BTC/USDT",
                     *           "revoked_at": "2026-01-15T09:30:00.123Z",
                     *           "scopes": [
                     *             "BTC/USDT"
                     *           ],
                     *           "status": "active",
                     *           "total_requests": 1
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_ApiKeyOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, tier below premium, an API key used instead of a session, or an admin scope asked by a non-admin. Codes: `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "api-keys-create": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "expires_at": "2026-01-15T09:30:00.123Z",
                 *       "ip_allow": [
                 *         "BTC/USDT"
                 *       ],
                 *       "ip_deny": [
                 *         "BTC/USDT"
                 *       ],
                 *       "limit_per_day": 10000,
                 *       "limit_per_hour": 1000,
                 *       "limit_per_minute": 60,
                 *       "name": "Daily BTC",
                 *       "scopes": [
                 *         "read:symbols"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Created: Create a key; the answer holds the key, shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "id": 42,
                     *         "ip_allow": [
                     *           "BTC/USDT"
                     *         ],
                     *         "ip_deny": [
                     *           "BTC/USDT"
                     *         ],
                     *         "key": "BTC/USDT",
                     *         "last_used_at": "2026-01-15T09:30:00.123Z",
                     *         "last_used_ip": "BTC/USDT",
                     *         "limit_per_day": 1,
                     *         "limit_per_hour": 1,
                     *         "limit_per_minute": 1,
                     *         "name": "Daily BTC",
                     *         "prefix": "BTC/USDT",
                     *         "revoked_at": "2026-01-15T09:30:00.123Z",
                     *         "scopes": [
                     *           "BTC/USDT"
                     *         ],
                     *         "status": "active",
                     *         "total_requests": 1
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_ApiKeyCreated_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, tier below premium, an API key used instead of a session, or an admin scope asked by a non-admin. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description 20 keys already (limit_reached), or the key is revoked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid body (the error names the field) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "api-keys-revoke": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                key_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Revoke a key (at once in this process, within seconds in the others) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "id": 42,
                     *         "ip_allow": [
                     *           "BTC/USDT"
                     *         ],
                     *         "ip_deny": [
                     *           "BTC/USDT"
                     *         ],
                     *         "last_used_at": "2026-01-15T09:30:00.123Z",
                     *         "last_used_ip": "BTC/USDT",
                     *         "limit_per_day": 1,
                     *         "limit_per_hour": 1,
                     *         "limit_per_minute": 1,
                     *         "name": "Daily BTC",
                     *         "prefix": "BTC/USDT",
                     *         "revoked_at": "2026-01-15T09:30:00.123Z",
                     *         "scopes": [
                     *           "BTC/USDT"
                     *         ],
                     *         "status": "active",
                     *         "total_requests": 1
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_ApiKeyOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, tier below premium, an API key used instead of a session, or an admin scope asked by a non-admin. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such key among the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "api-keys-update": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                key_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "expires_at": "2026-01-15T09:30:00.123Z",
                 *       "ip_allow": [
                 *         "BTC/USDT"
                 *       ],
                 *       "ip_deny": [
                 *         "BTC/USDT"
                 *       ],
                 *       "limit_per_day": 1,
                 *       "limit_per_hour": 1,
                 *       "limit_per_minute": 1,
                 *       "name": "Daily BTC",
                 *       "scopes": [
                 *         "read:symbols"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ApiKeyUpdate"];
            };
        };
        responses: {
            /** @description OK: Change a key's name, scopes, limits, IP rules or expiry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "id": 42,
                     *         "ip_allow": [
                     *           "BTC/USDT"
                     *         ],
                     *         "ip_deny": [
                     *           "BTC/USDT"
                     *         ],
                     *         "last_used_at": "2026-01-15T09:30:00.123Z",
                     *         "last_used_ip": "BTC/USDT",
                     *         "limit_per_day": 1,
                     *         "limit_per_hour": 1,
                     *         "limit_per_minute": 1,
                     *         "name": "Daily BTC",
                     *         "prefix": "BTC/USDT",
                     *         "revoked_at": "2026-01-15T09:30:00.123Z",
                     *         "scopes": [
                     *           "BTC/USDT"
                     *         ],
                     *         "status": "active",
                     *         "total_requests": 1
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_ApiKeyOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, tier below premium, an API key used instead of a session, or an admin scope asked by a non-admin. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such key among the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description 20 keys already (limit_reached), or the key is revoked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid body (the error names the field) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "api-keys-usage": {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                /** @description A positive id */
                key_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A key's requests and refusals per UTC day (counted within about a minute) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "all_time_requests": 1,
                     *         "days": [
                     *           {
                     *             "day": "2026-01-15",
                     *             "refused": 1,
                     *             "requests": 1
                     *           }
                     *         ],
                     *         "key_id": 42,
                     *         "last_used_at": "2026-01-15T09:30:00.123Z",
                     *         "last_used_ip": "BTC/USDT",
                     *         "total_refused": 1,
                     *         "total_requests": 1
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_ApiKeyUsageOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, tier below premium, an API key used instead of a session, or an admin scope asked by a non-admin. Codes: `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such key among the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid body (the error names the field) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-2fa-backup-codes": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "123456"
                 *     }
                 */
                "application/json": components["schemas"]["CodeIn"];
            };
        };
        responses: {
            /** @description OK: Replace the backup codes (needs an authenticator code); shown once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "backup_codes": [
                     *           "BTC/USDT"
                     *         ]
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_BackupCodesOut_"];
                };
            };
            /** @description Invalid or used link, wrong current password or code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflicts with the current state (email taken, two-factor already on...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-2fa-disable": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "123456",
                 *       "password": "correct-horse-battery-staple"
                 *     }
                 */
                "application/json": components["schemas"]["DisableTwoFactorIn"];
            };
        };
        responses: {
            /** @description OK: Turn two-factor sign-in off (password and a code or backup code) */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MessageOut_"];
                };
            };
            /** @description Invalid or used link, wrong current password or code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflicts with the current state (email taken, two-factor already on...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-2fa-enable": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "123456"
                 *     }
                 */
                "application/json": components["schemas"]["CodeIn"];
            };
        };
        responses: {
            /** @description OK: Turn two-factor sign-in on with a code; returns the backup codes once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "backup_codes": [
                     *           "BTC/USDT"
                     *         ]
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_BackupCodesOut_"];
                };
            };
            /** @description Invalid or used link, wrong current password or code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflicts with the current state (email taken, two-factor already on...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-2fa-setup": {
        parameters: {
            query?: {
                /** @description QR image type */
                qr_format?: "svg" | "png";
            };
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Start two-factor set-up: the secret, its otpauth URI and a QR code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "otpauth_uri": "BTC/USDT",
                     *         "qr_image": "BTC/USDT",
                     *         "secret": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TwoFactorSetupOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflicts with the current state (email taken, two-factor already on...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-change-password": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "current_password": "correct-horse-battery-staple",
                 *       "new_password": "correct-horse-battery-staple-2"
                 *     }
                 */
                "application/json": components["schemas"]["ChangePasswordIn"];
            };
        };
        responses: {
            /** @description OK: Change the password; other sessions end and this one gets a new cookie */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MessageOut_"];
                };
            };
            /** @description Invalid or used link, wrong current password or code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Set the CSRF cookie and return its token (call it first) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "csrf_token": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_CsrfOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-forgot-password": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "trader@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["EmailIn"];
            };
        };
        responses: {
            /** @description OK: Mail a password reset link (same answer for any email) */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=2;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=3;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MessageOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=2;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=3;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-login": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "trader@example.com",
                 *       "password": "correct-horse-battery-staple",
                 *       "totp_code": "BTC/USDT"
                 *     }
                 */
                "application/json": components["schemas"]["LoginIn"];
            };
        };
        responses: {
            /** @description OK: Sign in with email and password (then /login/totp when TOTP is on) */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "totp_required": true,
                     *         "user": {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "display_name": "Ada Trader",
                     *           "email": "trader@example.com",
                     *           "id": 42,
                     *           "is_admin": true,
                     *           "is_verified": true,
                     *           "last_login_at": "2026-01-15T09:30:00.123Z",
                     *           "ntfy_topic": "BTC/USDT",
                     *           "theme": "system",
                     *           "timezone": "Europe/Berlin"
                     *         }
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_LoginOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-login-totp": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "123456"
                 *     }
                 */
                "application/json": components["schemas"]["TotpLoginIn"];
            };
        };
        responses: {
            /** @description OK: Second sign-in step: an authenticator code or a backup code */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=9;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=10;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "totp_required": true,
                     *         "user": {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "display_name": "Ada Trader",
                     *           "email": "trader@example.com",
                     *           "id": 42,
                     *           "is_admin": true,
                     *           "is_verified": true,
                     *           "last_login_at": "2026-01-15T09:30:00.123Z",
                     *           "ntfy_topic": "BTC/USDT",
                     *           "theme": "system",
                     *           "timezone": "Europe/Berlin"
                     *         }
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_LoginOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=9;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=10;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-logout": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: End this session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MessageOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-logout-all": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: End every session of the account, this one included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MessageOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The signed-in user: profile, tier and what it allows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "backup_codes_left": 1,
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "display_name": "Ada Trader",
                     *         "email": "trader@example.com",
                     *         "id": 42,
                     *         "is_admin": true,
                     *         "is_verified": true,
                     *         "last_login_at": "2026-01-15T09:30:00.123Z",
                     *         "limits": {
                     *           "api_keys": true,
                     *           "fixed_symbols": [
                     *             "BTC/USDT"
                     *           ],
                     *           "max_watchlist": 1,
                     *           "pattern_history": {
                     *             "max_age_hours": 1,
                     *             "max_items": 1
                     *           },
                     *           "pattern_types": [
                     *             "BTC/USDT"
                     *           ],
                     *           "portfolios": 1,
                     *           "push_delay_minutes": 1,
                     *           "pushes_per_day": 1,
                     *           "signal_history": {
                     *             "max_age_hours": 1,
                     *             "max_items": 1
                     *           },
                     *           "statistics": "summary",
                     *           "symbol_scope": "fixed",
                     *           "trades_per_day": 1,
                     *           "webhooks": true
                     *         },
                     *         "ntfy_topic": "BTC/USDT",
                     *         "subscription": {
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "grace_days": 1,
                     *           "plan": "BTC/USDT",
                     *           "started_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "active"
                     *         },
                     *         "theme": "system",
                     *         "tier": "free",
                     *         "timezone": "Europe/Berlin",
                     *         "two_factor_enabled": true
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Refused for this caller. Codes: `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-update-me": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "display_name": "Ada Trader",
                 *       "theme": "system",
                 *       "timezone": "Europe/Berlin"
                 *     }
                 */
                "application/json": components["schemas"]["ProfileIn"];
            };
        };
        responses: {
            /** @description OK: Change the display name, the time zone or the theme */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "backup_codes_left": 1,
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "display_name": "Ada Trader",
                     *         "email": "trader@example.com",
                     *         "id": 42,
                     *         "is_admin": true,
                     *         "is_verified": true,
                     *         "last_login_at": "2026-01-15T09:30:00.123Z",
                     *         "limits": {
                     *           "api_keys": true,
                     *           "fixed_symbols": [
                     *             "BTC/USDT"
                     *           ],
                     *           "max_watchlist": 1,
                     *           "pattern_history": {
                     *             "max_age_hours": 1,
                     *             "max_items": 1
                     *           },
                     *           "pattern_types": [
                     *             "BTC/USDT"
                     *           ],
                     *           "portfolios": 1,
                     *           "push_delay_minutes": 1,
                     *           "pushes_per_day": 1,
                     *           "signal_history": {
                     *             "max_age_hours": 1,
                     *             "max_items": 1
                     *           },
                     *           "statistics": "summary",
                     *           "symbol_scope": "fixed",
                     *           "trades_per_day": 1,
                     *           "webhooks": true
                     *         },
                     *         "ntfy_topic": "BTC/USDT",
                     *         "subscription": {
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "grace_days": 1,
                     *           "plan": "BTC/USDT",
                     *           "started_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "active"
                     *         },
                     *         "theme": "system",
                     *         "tier": "free",
                     *         "timezone": "Europe/Berlin",
                     *         "two_factor_enabled": true
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-get-watchlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The symbols the user follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "choices": [
                     *           "BTC/USDT"
                     *         ],
                     *         "following": [
                     *           "BTC/USDT"
                     *         ],
                     *         "max_symbols": 1,
                     *         "symbols": [
                     *           "BTC/USDT"
                     *         ]
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WatchlistOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Refused for this caller. Codes: `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-put-watchlist": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "symbols": [
                 *         "BTC/USDT",
                 *         "ETH/USDT"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["WatchlistIn"];
            };
        };
        responses: {
            /** @description OK: Replace the watchlist (pro: up to 5 symbols; free: BTC/USDT only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "choices": [
                     *           "BTC/USDT"
                     *         ],
                     *         "following": [
                     *           "BTC/USDT"
                     *         ],
                     *         "max_symbols": 1,
                     *         "symbols": [
                     *           "BTC/USDT"
                     *         ]
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WatchlistOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-register": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "display_name": "Ada Trader",
                 *       "email": "trader@example.com",
                 *       "password": "correct-horse-battery-staple",
                 *       "timezone": "Europe/Berlin"
                 *     }
                 */
                "application/json": components["schemas"]["RegisterIn"];
            };
        };
        responses: {
            /** @description Created: Create an account (free tier) and mail the verification link */
            201: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=2;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=3;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "display_name": "Ada Trader",
                     *         "email": "trader@example.com",
                     *         "id": 42,
                     *         "is_admin": true,
                     *         "is_verified": true,
                     *         "last_login_at": "2026-01-15T09:30:00.123Z",
                     *         "ntfy_topic": "BTC/USDT",
                     *         "theme": "system",
                     *         "timezone": "Europe/Berlin"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_UserOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Conflicts with the current state (email taken, two-factor already on...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=2;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=3;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-resend-verification": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "trader@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["EmailIn"];
            };
        };
        responses: {
            /** @description OK: Mail a new verification link (same answer for any email) */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=2;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=3;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MessageOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=2;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=3;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-reset-password": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "new_password": "correct-horse-battery-staple-2",
                 *       "token": "tok_4f9a2c7e1b"
                 *     }
                 */
                "application/json": components["schemas"]["ResetPasswordIn"];
            };
        };
        responses: {
            /** @description OK: Set a new password with the mailed token; every session ends */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MessageOut_"];
                };
            };
            /** @description Invalid or used link, wrong current password or code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-list-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The account's live sessions (the current one marked) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "current": true,
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "id": 42,
                     *           "ip": "BTC/USDT",
                     *           "last_seen_at": "2026-01-15T09:30:00.123Z",
                     *           "user_agent": "BTC/USDT"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_SessionOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Refused for this caller. Codes: `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-end-session": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                session_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: End one of the account's sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MessageOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in, wrong credentials, or the account is locked. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-verify-email": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "tok_4f9a2c7e1b"
                 *     }
                 */
                "application/json": components["schemas"]["TokenIn"];
            };
        };
        responses: {
            /** @description OK: Verify the email address with the mailed token */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=19;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=20;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "display_name": "Ada Trader",
                     *         "email": "trader@example.com",
                     *         "id": 42,
                     *         "is_admin": true,
                     *         "is_verified": true,
                     *         "last_login_at": "2026-01-15T09:30:00.123Z",
                     *         "ntfy_topic": "BTC/USDT",
                     *         "theme": "system",
                     *         "timezone": "Europe/Berlin"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_UserOut_"];
                };
            };
            /** @description Invalid or used link, wrong current password or code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=19;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=20;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-cancel": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Cancel the subscription: access stays until the end of the paid period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "can_cancel": true,
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "cycle": "monthly",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "plan": "free",
                     *         "renews": true,
                     *         "scheduled": {
                     *           "cycle": "monthly",
                     *           "plan": "pro",
                     *           "starts_at": "2026-01-15T09:30:00.123Z"
                     *         },
                     *         "status": "active",
                     *         "tier": "free"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_BillingSubscriptionOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or an API key (the session only). Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `no_subscription`: nothing bought to cancel; `already_cancelled` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `provider_unavailable`: the payment provider cannot be reached; try again after Retry-After; nothing was cancelled */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-checkout": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "cycle": "monthly",
                 *       "method": "card",
                 *       "plan": "pro"
                 *     }
                 */
                "application/json": components["schemas"]["CheckoutIn"];
            };
        };
        responses: {
            /** @description The pending checkout, reused */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "checkout_url": "https://checkout.example.com/c/8f2a",
                     *         "payment_id": 42,
                     *         "reused": true
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_CheckoutOut_"];
                };
            };
            /** @description Created: Start paying for a plan: a new checkout (201), or the pending one reused (200) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "checkout_url": "https://checkout.example.com/c/8f2a",
                     *         "payment_id": 42,
                     *         "reused": true
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_CheckoutOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or an API key (the session only). Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `subscription_lifetime`: a plan that never ends already includes it; `change_scheduled`: a plan change already waits for the end of the period */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `provider_unavailable`: the payment provider cannot be reached; try again after Retry-After (this checkout is recorded failed); `payment_method_unavailable`: no enabled provider takes this method */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-fake-checkout": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                payment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The fake provider's checkout page: what is being paid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "amount": "19.00",
                     *         "currency": "USD",
                     *         "cycle": "monthly",
                     *         "final": true,
                     *         "payment_id": 42,
                     *         "plan": "pro",
                     *         "status": "pending"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_FakeCheckoutOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or an API key (the session only). Codes: `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: no such payment of yours at the fake provider, or it is disabled */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-fake-checkout-outcome": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                payment_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "outcome": "paid"
                 *     }
                 */
                "application/json": components["schemas"]["FakeOutcomeIn"];
            };
        };
        responses: {
            /** @description OK: Pay or decline on the fake checkout page (the server sends the signed event) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "amount": "19.00",
                     *         "checkout_url": "BTC/USDT",
                     *         "completed_at": "2026-01-15T09:30:00.123Z",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "currency": "USD",
                     *         "cycle": "monthly",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "failure_reason": "BTC/USDT",
                     *         "final": true,
                     *         "id": 42,
                     *         "kind": "checkout",
                     *         "method": "card",
                     *         "period_start": "2026-01-15T09:30:00.123Z",
                     *         "plan": "pro",
                     *         "provider": "card",
                     *         "provider_status": "confirming",
                     *         "refunded_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "pending"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PaymentOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or an API key (the session only). Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: no such payment of yours at the fake provider, or it is disabled */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-payments": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's payments, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "amount": "19.00",
                     *           "checkout_url": "BTC/USDT",
                     *           "completed_at": "2026-01-15T09:30:00.123Z",
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "currency": "USD",
                     *           "cycle": "monthly",
                     *           "expires_at": "2026-01-15T09:30:00.123Z",
                     *           "failure_reason": "BTC/USDT",
                     *           "final": true,
                     *           "id": 42,
                     *           "kind": "checkout",
                     *           "method": "card",
                     *           "period_start": "2026-01-15T09:30:00.123Z",
                     *           "plan": "pro",
                     *           "provider": "card",
                     *           "provider_status": "confirming",
                     *           "refunded_at": "2026-01-15T09:30:00.123Z",
                     *           "status": "pending"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_PaymentOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or an API key (the session only). Codes: `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-payment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                payment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One of the caller's payments (poll it until `final`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "amount": "19.00",
                     *         "checkout_url": "BTC/USDT",
                     *         "completed_at": "2026-01-15T09:30:00.123Z",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "currency": "USD",
                     *         "cycle": "monthly",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "failure_reason": "BTC/USDT",
                     *         "final": true,
                     *         "id": 42,
                     *         "kind": "checkout",
                     *         "method": "card",
                     *         "period_start": "2026-01-15T09:30:00.123Z",
                     *         "plan": "pro",
                     *         "provider": "card",
                     *         "provider_status": "confirming",
                     *         "refunded_at": "2026-01-15T09:30:00.123Z",
                     *         "status": "pending"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PaymentOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or an API key (the session only). Codes: `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: no such payment of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The plans: monthly and yearly prices, the saving, and what each tier allows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "features": [
                     *             "All symbols",
                     *             "REST API keys"
                     *           ],
                     *           "limits": {
                     *             "api_keys": true,
                     *             "fixed_symbols": [
                     *               "BTC/USDT"
                     *             ],
                     *             "max_watchlist": 1,
                     *             "pattern_history": {
                     *               "max_age_hours": 1,
                     *               "max_items": 1
                     *             },
                     *             "pattern_types": [
                     *               "BTC/USDT"
                     *             ],
                     *             "portfolios": 1,
                     *             "push_delay_minutes": 1,
                     *             "pushes_per_day": 1,
                     *             "signal_history": {
                     *               "max_age_hours": 1,
                     *               "max_items": 1
                     *             },
                     *             "statistics": "summary",
                     *             "symbol_scope": "fixed",
                     *             "trades_per_day": 1,
                     *             "webhooks": true
                     *           },
                     *           "plan": "free",
                     *           "prices": [
                     *             {
                     *               "amount": "190.00",
                     *               "currency": "USD",
                     *               "cycle": "monthly",
                     *               "days": 365,
                     *               "monthly_equivalent": "15.83",
                     *               "saving_pct": 17
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_PlanOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's subscription: tier now, end or renewal, a scheduled change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "can_cancel": true,
                     *         "cancelled_at": "2026-01-15T09:30:00.123Z",
                     *         "cycle": "monthly",
                     *         "expires_at": "2026-01-15T09:30:00.123Z",
                     *         "plan": "free",
                     *         "renews": true,
                     *         "scheduled": {
                     *           "cycle": "monthly",
                     *           "plan": "pro",
                     *           "starts_at": "2026-01-15T09:30:00.123Z"
                     *         },
                     *         "status": "active",
                     *         "tier": "free"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_BillingSubscriptionOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or an API key (the session only). Codes: `session_required`: an API key was sent: this route needs the session */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "billing-webhook": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description card, crypto or fake (an enabled one) */
                provider: string;
            };
            cookie?: never;
        };
        /** @description The provider's raw event, signed (X-Signature or x-nowpayments-sig) */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": {
                 *         "id": "1"
                 *       },
                 *       "meta": {
                 *         "event_name": "order_created"
                 *       }
                 *     }
                 */
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK: A payment provider's signed event (no session, no CSRF) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "status": "applied"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookAckOut_"];
                };
            };
            /** @description `malformed_event`: signed, but not an event of this provider */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `invalid_signature`: no secret configured, no signature or a wrong one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: no such provider, or it is not enabled */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: over settings.billing.webhook_max_bytes, refused unread */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "jobs-fetch": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: with the session cookie; an API key caller leaves it out
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "symbol": "BTC/USDT",
                 *       "timeframe": "1h"
                 *     }
                 */
                "application/json": components["schemas"]["FetchIn"];
            };
        };
        responses: {
            /** @description Accepted: Queue a fetch of one symbol's candles */
            202: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "counters": {
                     *           "candles_fetched": 1,
                     *           "patterns_found": 1,
                     *           "signals_created": 1
                     *         },
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "error": "BTC/USDT",
                     *         "finished_at": "2026-01-15T09:30:00.123Z",
                     *         "id": "job_3f9c2a71d04b8e65",
                     *         "jobs": [
                     *           {
                     *             "error": "BTC/USDT",
                     *             "status": "queued",
                     *             "symbol": "BTC/USDT"
                     *           }
                     *         ],
                     *         "kind": "scan",
                     *         "status": "queued",
                     *         "symbols": [
                     *           "BTC/USDT"
                     *         ],
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_JobRequestOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in (`not_signed_in`). Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A symbol outside the tier (`tier_required`), or a key without the scope (`scope_required`). Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown or unfollowed symbol (`symbol_not_found`), or none to scan (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Over the route's limit per user (`rate_limited`, with Retry-After) */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The job queue cannot take jobs (`service_unavailable`, with Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "jobs-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id POST /scan or /fetch answered */
                job_request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The status of one of your scan or fetch requests */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "counters": {
                     *           "candles_fetched": 1,
                     *           "patterns_found": 1,
                     *           "signals_created": 1
                     *         },
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "error": "BTC/USDT",
                     *         "finished_at": "2026-01-15T09:30:00.123Z",
                     *         "id": "job_3f9c2a71d04b8e65",
                     *         "jobs": [
                     *           {
                     *             "error": "BTC/USDT",
                     *             "status": "queued",
                     *             "symbol": "BTC/USDT"
                     *           }
                     *         ],
                     *         "kind": "scan",
                     *         "status": "queued",
                     *         "symbols": [
                     *           "BTC/USDT"
                     *         ],
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_JobRequestOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in (`not_signed_in`). Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A key with neither write scope (`scope_required`). Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No request of yours has that id (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-delete-journal-entry": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                entry_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Delete a journal entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_DeletedOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such trade or journal entry of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-update-journal-entry": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                entry_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "content": "Waited for the retest.",
                 *       "entry_type": "pre_trade",
                 *       "mood": "confident"
                 *     }
                 */
                "application/json": components["schemas"]["JournalEntryPatch"];
            };
        };
        responses: {
            /** @description OK: Change an entry's type, mood or text */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "content": "BTC/USDT",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "entry_type": "pre_trade",
                     *         "id": 42,
                     *         "mood": "confident",
                     *         "trade_id": 42,
                     *         "updated_at": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_JournalEntryOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such trade or journal entry of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "signals-matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Pattern matrix: symbols x timeframes, newest active pattern per cell */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "cells": [
                     *             {
                     *               "bearish": 1,
                     *               "bullish": 1,
                     *               "direction": "bullish",
                     *               "pattern_id": 42,
                     *               "strength": 1,
                     *               "timeframe": "1h",
                     *               "type": "BTC/USDT",
                     *               "zone_high": 64400,
                     *               "zone_low": 64100
                     *             }
                     *           ],
                     *           "open_signal": {
                     *             "anchor_pattern_id": 42,
                     *             "anchor_timeframe": "BTC/USDT",
                     *             "anchor_type": "BTC/USDT",
                     *             "cancelled_at": 1768469400123,
                     *             "closed_at": 1768469400123,
                     *             "confluence": 3,
                     *             "created_at": 1768469400123,
                     *             "direction": "long",
                     *             "entry": 1,
                     *             "expired_at": 1768469400123,
                     *             "id": 42,
                     *             "move_stop_to_entry_after_tp1": true,
                     *             "outcome_r": 1,
                     *             "risk_reward": 1,
                     *             "setup_stats": [
                     *               {
                     *                 "avg_r": 1,
                     *                 "count": 1,
                     *                 "decided": 1,
                     *                 "resolved": 1,
                     *                 "triggered": 1,
                     *                 "win_rate": 1,
                     *                 "window_days": 30,
                     *                 "wins": 1
                     *               }
                     *             ],
                     *             "status": "pending",
                     *             "stop_loss": 63100,
                     *             "stopped_at": 1768469400123,
                     *             "strength": 1,
                     *             "symbol": "BTC/USDT",
                     *             "take_profit_1": 1,
                     *             "take_profit_2": 1,
                     *             "take_profit_3": 1,
                     *             "timeframes": [
                     *               "1h"
                     *             ],
                     *             "tp1_at": 1768469400123,
                     *             "tp2_at": 1768469400123,
                     *             "tp3_at": 1768469400123,
                     *             "triggered_at": 1768469400123
                     *           },
                     *           "symbol": "BTC/USDT"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_MatrixRow__"];
                };
            };
            /** @description Not modified: If-None-Match holds the current ETag (no body) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history). Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "notifications-list": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's delivery history, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "attempts": 1,
                     *           "broadcast_id": 42,
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "id": 42,
                     *           "reason": "symbol_not_in_tier",
                     *           "reason_text": "Your plan does not include this symbol.",
                     *           "sent_at": "2026-01-15T09:30:00.123Z",
                     *           "signal_id": 42,
                     *           "status": "queued",
                     *           "symbol": "BTC/USDT",
                     *           "title": "BTC/USDT"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_DeliveryOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it. Codes: `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "notifications-mute": {
        parameters: {
            query: {
                /** @description The token of the push's link */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Mute a symbol for 24 h from a push's signed link (no session needed) */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=29;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=30;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "muted_until": "2026-01-15T09:30:00.123Z",
                     *         "symbol": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_MuteOut_"];
                };
            };
            /** @description Invalid, altered or expired link */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=29;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=30;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "notifications-get-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's notification preferences, topic and tier limits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "daily_limit": 1,
                     *         "directions": "both",
                     *         "enabled": true,
                     *         "min_confluence": 2,
                     *         "muted_symbols": {
                     *           "key": "2026-01-15T09:30:00.123Z"
                     *         },
                     *         "pattern_types": [
                     *           "BTC/USDT"
                     *         ],
                     *         "priority": 3,
                     *         "quiet_hours_end": 7,
                     *         "quiet_hours_start": 22,
                     *         "server": "BTC/USDT",
                     *         "symbols": [
                     *           "BTC/USDT"
                     *         ],
                     *         "tier_daily_cap": 1,
                     *         "tier_delay_minutes": 1,
                     *         "timezone": "Europe/Berlin",
                     *         "topic": "cl-7f3a9c2e"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PreferencesOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it. Codes: `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "notifications-put-preferences": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "daily_limit": 1,
                 *       "directions": "both",
                 *       "enabled": true,
                 *       "min_confluence": 2,
                 *       "pattern_types": [
                 *         "BTC/USDT"
                 *       ],
                 *       "priority": 3,
                 *       "quiet_hours_end": 7,
                 *       "quiet_hours_start": 22,
                 *       "symbols": [
                 *         "BTC/USDT"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PreferencesIn"];
            };
        };
        responses: {
            /** @description OK: Replace the caller's notification preferences (within the tier) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "daily_limit": 1,
                     *         "directions": "both",
                     *         "enabled": true,
                     *         "min_confluence": 2,
                     *         "muted_symbols": {
                     *           "key": "2026-01-15T09:30:00.123Z"
                     *         },
                     *         "pattern_types": [
                     *           "BTC/USDT"
                     *         ],
                     *         "priority": 3,
                     *         "quiet_hours_end": 7,
                     *         "quiet_hours_start": 22,
                     *         "server": "BTC/USDT",
                     *         "symbols": [
                     *           "BTC/USDT"
                     *         ],
                     *         "tier_daily_cap": 1,
                     *         "tier_delay_minutes": 1,
                     *         "timezone": "Europe/Berlin",
                     *         "topic": "cl-7f3a9c2e"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PreferencesOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "notifications-test": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Send one test push to the caller's topic (3 an hour) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "http_status": 1,
                     *         "reason": "http_403",
                     *         "reason_text": "The ntfy server refused the push: it denies access to your topic (HTTP 403).",
                     *         "status": "sent",
                     *         "topic": "cl-7f3a9c2e"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TestPushOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "notifications-regenerate-topic": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Replace the caller's secret NTFY topic (the old one stops receiving) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "topic": "cl-7f3a9c2e"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TopicOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "patterns-list": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                direction?: ("bullish" | "bearish") | null;
                limit?: number;
                /** @description confirmed at or after: ms since the epoch or ISO-8601 (UTC if naive) */
                since?: number | string;
                status?: ("active" | "filled" | "invalidated" | "expired") | null;
                symbol?: string | null;
                timeframe?: string | null;
                type?: ("fvg" | "order_block" | "liquidity_sweep") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Patterns, newest confirmed first */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "confirmed_at": 1710003600000,
                     *           "direction": "bullish",
                     *           "expired_at": null,
                     *           "expires_at": 1710259200000,
                     *           "fill_pct": 0,
                     *           "filled_at": null,
                     *           "formed_at": 1710000000000,
                     *           "id": 812,
                     *           "invalidated_at": null,
                     *           "status": "active",
                     *           "strength": 0.6425,
                     *           "symbol": "BTC/USDT",
                     *           "timeframe": "1h",
                     *           "touched_at": null,
                     *           "type": "fvg",
                     *           "zone_high": 68020.5,
                     *           "zone_low": 67850
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_PatternOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol, type or history). Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown symbol or pattern */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "patterns-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                pattern_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One pattern with its lifecycle */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "confirmed_at": 1710003600000,
                     *         "direction": "bullish",
                     *         "expired_at": null,
                     *         "expires_at": 1710259200000,
                     *         "fill_pct": 0,
                     *         "filled_at": null,
                     *         "formed_at": 1710000000000,
                     *         "id": 812,
                     *         "invalidated_at": null,
                     *         "status": "active",
                     *         "strength": 0.6425,
                     *         "symbol": "BTC/USDT",
                     *         "timeframe": "1h",
                     *         "touched_at": null,
                     *         "type": "fvg",
                     *         "zone_high": 68020.5,
                     *         "zone_low": 67850
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PatternOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol, type or history). Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown symbol or pattern */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's portfolios, oldest first, with their derived balance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "balance": "101.25",
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "currency": "BTC/USDT",
                     *           "description": "BTC/USDT",
                     *           "id": 42,
                     *           "initial_balance": "101.25",
                     *           "name": "Daily BTC",
                     *           "open_trades": 1,
                     *           "pending_trades": 1,
                     *           "total_pnl": "101.25",
                     *           "total_pnl_pct": "101.25"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_PortfolioOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-create": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currency": "USDT",
                 *       "description": "",
                 *       "initial_balance": "10000",
                 *       "name": "Swing trades"
                 *     }
                 */
                "application/json": components["schemas"]["PortfolioIn"];
            };
        };
        responses: {
            /** @description Created: A new portfolio (pro: one) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "balance": "101.25",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "currency": "BTC/USDT",
                     *         "description": "BTC/USDT",
                     *         "id": 42,
                     *         "initial_balance": "101.25",
                     *         "name": "Daily BTC",
                     *         "open_trades": 1,
                     *         "pending_trades": 1,
                     *         "total_pnl": "101.25",
                     *         "total_pnl_pct": "101.25"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PortfolioOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                portfolio_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One portfolio: balance = initial balance + the closed trades' pnl */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "balance": "101.25",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "currency": "BTC/USDT",
                     *         "description": "BTC/USDT",
                     *         "id": 42,
                     *         "initial_balance": "101.25",
                     *         "name": "Daily BTC",
                     *         "open_trades": 1,
                     *         "pending_trades": 1,
                     *         "total_pnl": "101.25",
                     *         "total_pnl_pct": "101.25"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PortfolioOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-delete": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                portfolio_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Delete a portfolio and its trades (soft: purged after 30 days) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_DeletedOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-update": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                portfolio_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currency": "BTCUSDT",
                 *       "description": "BTC/USDT",
                 *       "initial_balance": "10000",
                 *       "name": "Daily BTC"
                 *     }
                 */
                "application/json": components["schemas"]["PortfolioPatch"];
            };
        };
        responses: {
            /** @description OK: Change name, description, currency or initial balance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "balance": "101.25",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "currency": "BTC/USDT",
                     *         "description": "BTC/USDT",
                     *         "id": 42,
                     *         "initial_balance": "101.25",
                     *         "name": "Daily BTC",
                     *         "open_trades": 1,
                     *         "pending_trades": 1,
                     *         "total_pnl": "101.25",
                     *         "total_pnl_pct": "101.25"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PortfolioOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-equity": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
                /** @description points at or after */
                since?: string | null;
                /** @description points before */
                until?: string | null;
            };
            header?: never;
            path: {
                /** @description A positive id */
                portfolio_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The equity curve: the start, then the balance after each closed trade */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "balance": "101.25",
                     *           "pnl": "101.25",
                     *           "time": "2026-01-15T09:30:00.123Z",
                     *           "trade_id": 42
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_EquityPointOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An API key (session only), or a tier below pro. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid parameter (validation_error) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-export-csv": {
        parameters: {
            query?: {
                /** @description entry_time at or after */
                since?: string | null;
                status?: ("pending" | "open" | "closed" | "cancelled") | null;
                symbol?: string | null;
                /** @description entry_time before */
                until?: string | null;
            };
            header?: never;
            path: {
                /** @description A positive id */
                portfolio_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, `attachment; filename="portfolio-{id}-{YYYYMMDD}.csv"` */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=9;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=10;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An API key (session only), or a tier below pro. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid parameter (validation_error), or over 100,000 rows (`export_too_large`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Over 10 exports an hour (`rate_limited`, with Retry-After) */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=9;t=3600
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=10;w=3600
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-stats": {
        parameters: {
            query?: {
                direction?: ("long" | "short") | null;
                /** @description exit_time at or after */
                since?: string | null;
                symbol?: string | null;
                /** @description a tag id */
                tag?: number | null;
                /** @description exit_time before */
                until?: string | null;
            };
            header?: never;
            path: {
                /** @description A positive id */
                portfolio_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Statistics over the closed trades: rates, averages, expectancy, drawdown, groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "avg_loss": "101.25",
                     *         "avg_win": "101.25",
                     *         "breakeven": 1,
                     *         "by_direction": {
                     *           "key": {
                     *             "breakeven": 1,
                     *             "expectancy_r": "101.25",
                     *             "losses": 1,
                     *             "total_pnl": "101.25",
                     *             "trades": 1,
                     *             "win_rate": "101.25",
                     *             "wins": 1
                     *           }
                     *         },
                     *         "by_setup": {
                     *           "key": {
                     *             "breakeven": 1,
                     *             "expectancy_r": "101.25",
                     *             "losses": 1,
                     *             "total_pnl": "101.25",
                     *             "trades": 1,
                     *             "win_rate": "101.25",
                     *             "wins": 1
                     *           }
                     *         },
                     *         "by_symbol": {
                     *           "key": {
                     *             "breakeven": 1,
                     *             "expectancy_r": "101.25",
                     *             "losses": 1,
                     *             "total_pnl": "101.25",
                     *             "trades": 1,
                     *             "win_rate": "101.25",
                     *             "wins": 1
                     *           }
                     *         },
                     *         "cancelled": 1,
                     *         "closed": 1,
                     *         "expectancy": "101.25",
                     *         "expectancy_r": "101.25",
                     *         "gross_loss": "101.25",
                     *         "gross_profit": "101.25",
                     *         "losses": 1,
                     *         "max_drawdown": "101.25",
                     *         "max_drawdown_pct": "101.25",
                     *         "open": 1,
                     *         "pending": 1,
                     *         "profit_factor": "101.25",
                     *         "r_count": 1,
                     *         "total_pnl": "101.25",
                     *         "win_rate": "101.25",
                     *         "wins": 1
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_PortfolioStatsOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An API key (session only), or a tier below pro. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid parameter (validation_error) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-trades": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                direction?: ("long" | "short") | null;
                limit?: number;
                signal_id?: number | null;
                /** @description entry_time at or after */
                since?: string | null;
                status?: ("pending" | "open" | "closed" | "cancelled") | null;
                symbol?: string | null;
                /** @description A tag's id */
                tag?: number | null;
                /** @description entry_time before */
                until?: string | null;
            };
            header?: never;
            path: {
                /** @description A positive id */
                portfolio_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The portfolio's trades, newest first (plans without an entry time, then entry time, then id), filtered, a page at a time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "direction": "long",
                     *           "entry_price": "101.25",
                     *           "entry_time": "2026-01-15T09:30:00.123Z",
                     *           "exit_notes": "BTC/USDT",
                     *           "exit_price": "101.25",
                     *           "exit_time": "2026-01-15T09:30:00.123Z",
                     *           "fees": "101.25",
                     *           "id": 42,
                     *           "initial_stop_loss": "101.25",
                     *           "lessons": "BTC/USDT",
                     *           "pattern_type": "BTC/USDT",
                     *           "pnl": "101.25",
                     *           "pnl_pct": "101.25",
                     *           "portfolio_id": 42,
                     *           "quantity": "101.25",
                     *           "r_multiple": "101.25",
                     *           "setup_notes": "BTC/USDT",
                     *           "signal_id": 42,
                     *           "status": "pending",
                     *           "stop_loss": "101.25",
                     *           "symbol": "BTC/USDT",
                     *           "tags": [
                     *             {
                     *               "color": "BTC/USDT",
                     *               "id": 42,
                     *               "name": "Daily BTC"
                     *             }
                     *           ],
                     *           "take_profit": "101.25",
                     *           "timeframe": "1h"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_TradeOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-create-trade": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                portfolio_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "direction": "long",
                 *       "entry_price": "101.25",
                 *       "entry_time": "2026-01-02T03:04:05Z",
                 *       "fees": "1.5",
                 *       "lessons": "BTC/USDT",
                 *       "pattern_type": "fvg",
                 *       "quantity": "2",
                 *       "setup_notes": "BTC/USDT",
                 *       "status": "open",
                 *       "stop_loss": "101.25",
                 *       "symbol": "BTC/USDT",
                 *       "tags": [
                 *         1
                 *       ],
                 *       "take_profit": "101.25",
                 *       "timeframe": "1m"
                 *     }
                 */
                "application/json": components["schemas"]["TradeIn"];
            };
        };
        responses: {
            /** @description Created: Record a trade: open (default) or pending (a plan); pro: 5 a day */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "direction": "long",
                     *         "entry_price": "101.25",
                     *         "entry_time": "2026-01-15T09:30:00.123Z",
                     *         "exit_notes": "BTC/USDT",
                     *         "exit_price": "101.25",
                     *         "exit_time": "2026-01-15T09:30:00.123Z",
                     *         "fees": "101.25",
                     *         "id": 42,
                     *         "initial_stop_loss": "101.25",
                     *         "lessons": "BTC/USDT",
                     *         "pattern_type": "BTC/USDT",
                     *         "pnl": "101.25",
                     *         "pnl_pct": "101.25",
                     *         "portfolio_id": 42,
                     *         "quantity": "101.25",
                     *         "r_multiple": "101.25",
                     *         "setup_notes": "BTC/USDT",
                     *         "signal_id": 42,
                     *         "status": "pending",
                     *         "stop_loss": "101.25",
                     *         "symbol": "BTC/USDT",
                     *         "tags": [
                     *           {
                     *             "color": "BTC/USDT",
                     *             "id": 42,
                     *             "name": "Daily BTC"
                     *           }
                     *         ],
                     *         "take_profit": "101.25",
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TradeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "jobs-scan": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: with the session cookie; an API key caller leaves it out
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "symbols": [
                 *         "BTC/USDT",
                 *         "ETH/USDT"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ScanIn"];
            };
        };
        responses: {
            /** @description Accepted: Queue a scan of the given symbols, or of every one your tier shows */
            202: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "counters": {
                     *           "candles_fetched": 1,
                     *           "patterns_found": 1,
                     *           "signals_created": 1
                     *         },
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "error": "BTC/USDT",
                     *         "finished_at": "2026-01-15T09:30:00.123Z",
                     *         "id": "job_3f9c2a71d04b8e65",
                     *         "jobs": [
                     *           {
                     *             "error": "BTC/USDT",
                     *             "status": "queued",
                     *             "symbol": "BTC/USDT"
                     *           }
                     *         ],
                     *         "kind": "scan",
                     *         "status": "queued",
                     *         "symbols": [
                     *           "BTC/USDT"
                     *         ],
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_JobRequestOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in (`not_signed_in`). Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A symbol outside the tier (`tier_required`), or a key without the scope (`scope_required`). Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown or unfollowed symbol (`symbol_not_found`), or none to scan (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Over the route's limit per user (`rate_limited`, with Retry-After) */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The job queue cannot take jobs (`service_unavailable`, with Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "signals-list": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                direction?: ("long" | "short") | null;
                limit?: number;
                /** @description created at or after: ms since the epoch or ISO-8601 (UTC if naive) */
                since?: number | string;
                status?: ("pending" | "triggered" | "tp1" | "tp2" | "tp3" | "stopped" | "closed" | "expired" | "cancelled") | null;
                symbol?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Signals, newest first, each with its setup's record at creation */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "anchor_pattern_id": 42,
                     *           "anchor_timeframe": "BTC/USDT",
                     *           "anchor_type": "BTC/USDT",
                     *           "cancelled_at": 1768469400123,
                     *           "closed_at": 1768469400123,
                     *           "confluence": 3,
                     *           "created_at": 1768469400123,
                     *           "direction": "long",
                     *           "entry": 1,
                     *           "expired_at": 1768469400123,
                     *           "id": 42,
                     *           "move_stop_to_entry_after_tp1": true,
                     *           "outcome_r": 1,
                     *           "risk_reward": 1,
                     *           "setup_stats": [
                     *             {
                     *               "avg_r": 1,
                     *               "count": 1,
                     *               "decided": 1,
                     *               "resolved": 1,
                     *               "triggered": 1,
                     *               "win_rate": 1,
                     *               "window_days": 30,
                     *               "wins": 1
                     *             }
                     *           ],
                     *           "status": "pending",
                     *           "stop_loss": 63100,
                     *           "stopped_at": 1768469400123,
                     *           "strength": 1,
                     *           "symbol": "BTC/USDT",
                     *           "take_profit_1": 1,
                     *           "take_profit_2": 1,
                     *           "take_profit_3": 1,
                     *           "timeframes": [
                     *             "1h"
                     *           ],
                     *           "tp1_at": 1768469400123,
                     *           "tp2_at": 1768469400123,
                     *           "tp3_at": 1768469400123,
                     *           "triggered_at": 1768469400123
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_SignalOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history). Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown symbol or signal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "signals-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                signal_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One signal: levels, contributing patterns, status history, outcome, setup stats */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "anchor_pattern_id": 42,
                     *         "anchor_timeframe": "BTC/USDT",
                     *         "anchor_type": "BTC/USDT",
                     *         "cancelled_at": 1768469400123,
                     *         "closed_at": 1768469400123,
                     *         "confluence": 3,
                     *         "contributing_patterns": [
                     *           {
                     *             "confirmed_at": 1710003600000,
                     *             "direction": "bullish",
                     *             "expired_at": null,
                     *             "expires_at": 1710259200000,
                     *             "fill_pct": 0,
                     *             "filled_at": null,
                     *             "formed_at": 1710000000000,
                     *             "id": 812,
                     *             "invalidated_at": null,
                     *             "status": "active",
                     *             "strength": 0.6425,
                     *             "symbol": "BTC/USDT",
                     *             "timeframe": "1h",
                     *             "touched_at": null,
                     *             "type": "fvg",
                     *             "zone_high": 68020.5,
                     *             "zone_low": 67850
                     *           }
                     *         ],
                     *         "created_at": 1768469400123,
                     *         "direction": "long",
                     *         "entry": 1,
                     *         "expired_at": 1768469400123,
                     *         "id": 42,
                     *         "move_stop_to_entry_after_tp1": true,
                     *         "outcome_r": 1,
                     *         "risk_reward": 1,
                     *         "setup_stats": [
                     *           {
                     *             "avg_r": 1,
                     *             "count": 1,
                     *             "decided": 1,
                     *             "resolved": 1,
                     *             "triggered": 1,
                     *             "win_rate": 1,
                     *             "window_days": 30,
                     *             "wins": 1
                     *           }
                     *         ],
                     *         "status": "pending",
                     *         "status_history": [
                     *           {
                     *             "at": 1,
                     *             "status": "pending"
                     *           }
                     *         ],
                     *         "stop_loss": 63100,
                     *         "stopped_at": 1768469400123,
                     *         "strength": 1,
                     *         "symbol": "BTC/USDT",
                     *         "take_profit_1": 1,
                     *         "take_profit_2": 1,
                     *         "take_profit_3": 1,
                     *         "timeframes": [
                     *           "1h"
                     *         ],
                     *         "tp1_at": 1768469400123,
                     *         "tp2_at": 1768469400123,
                     *         "tp3_at": 1768469400123,
                     *         "triggered_at": 1768469400123
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_SignalDetailOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history). Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown symbol or signal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-journal-signal": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                signal_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "portfolio_id": 42,
                 *       "quantity": "2"
                 *     }
                 */
                "application/json": components["schemas"]["JournalSignalIn"];
            };
        };
        responses: {
            /** @description Created: A pending trade from a signal (entry, stop, take_profit_2), in one call */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "entry": {
                     *           "content": "BTC/USDT",
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "entry_type": "pre_trade",
                     *           "id": 42,
                     *           "mood": "confident",
                     *           "trade_id": 42,
                     *           "updated_at": "2026-01-15T09:30:00.123Z"
                     *         },
                     *         "portfolio_id": 42,
                     *         "trade": {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "direction": "long",
                     *           "entry_price": "101.25",
                     *           "entry_time": "2026-01-15T09:30:00.123Z",
                     *           "exit_notes": "BTC/USDT",
                     *           "exit_price": "101.25",
                     *           "exit_time": "2026-01-15T09:30:00.123Z",
                     *           "fees": "101.25",
                     *           "id": 42,
                     *           "initial_stop_loss": "101.25",
                     *           "lessons": "BTC/USDT",
                     *           "pattern_type": "BTC/USDT",
                     *           "pnl": "101.25",
                     *           "pnl_pct": "101.25",
                     *           "portfolio_id": 42,
                     *           "quantity": "101.25",
                     *           "r_multiple": "101.25",
                     *           "setup_notes": "BTC/USDT",
                     *           "signal_id": 42,
                     *           "status": "pending",
                     *           "stop_loss": "101.25",
                     *           "symbol": "BTC/USDT",
                     *           "tags": [
                     *             {
                     *               "color": "BTC/USDT",
                     *               "id": 42,
                     *               "name": "Daily BTC"
                     *             }
                     *           ],
                     *           "take_profit": "101.25",
                     *           "timeframe": "1h"
                     *         }
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_JournalSignalOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description invalid_transition, price_unavailable (close at market), already_journaled (a signal), tag_exists or limit_reached (200 tags) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "signals-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Statistics over the caller's tier: symbols, active patterns, signals today, overall hit rate */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "active_patterns": {
                     *           "key": {
                     *             "key": 1
                     *           }
                     *         },
                     *         "overall": [
                     *           {
                     *             "avg_r": 1,
                     *             "count": 1,
                     *             "decided": 1,
                     *             "resolved": 1,
                     *             "triggered": 1,
                     *             "win_rate": 1,
                     *             "window_days": 30,
                     *             "wins": 1
                     *           }
                     *         ],
                     *         "scope": {
                     *           "pattern_history_hours": 1,
                     *           "pattern_types": [
                     *             "BTC/USDT"
                     *           ],
                     *           "symbols": [
                     *             "BTC/USDT"
                     *           ]
                     *         },
                     *         "signals_today": 1,
                     *         "symbols": 1
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_GlobalStatsOut_"];
                };
            };
            /** @description Not modified: If-None-Match holds the current ETag (no body) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history). Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "signals-setup-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Hit rates per anchor type x timeframe x symbol, per symbol and overall */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "anchor_timeframe": "BTC/USDT",
                     *           "anchor_type": "BTC/USDT",
                     *           "cumulative_r": [
                     *             [
                     *               1717200000000,
                     *               -1
                     *             ],
                     *             [
                     *               1717286400000,
                     *               2
                     *             ]
                     *           ],
                     *           "symbol": "BTC/USDT",
                     *           "windows": [
                     *             {
                     *               "avg_r": 1,
                     *               "count": 1,
                     *               "decided": 1,
                     *               "resolved": 1,
                     *               "triggered": 1,
                     *               "win_rate": 1,
                     *               "window_days": 30,
                     *               "wins": 1
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_SetupLineOut__"];
                };
            };
            /** @description Not modified: If-None-Match holds the current ETag (no body) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history). Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "signals-stream": {
        parameters: {
            query?: never;
            header?: {
                "Last-Event-ID"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless event stream */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example retry: 3000
                     *
                     *     id: 1287
                     *     event: signal.created
                     *     data: {"id": 42, "symbol": "BTC/USDT", "direction": "long", "status": "pending"}
                     */
                    "text/event-stream": string;
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Refused for this caller. Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "market-list-symbols": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Active symbols with freshness, last price and 24 h change */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "added_at": "2024-03-01T12:00:00.000Z",
                     *           "base": "BTC",
                     *           "change_24h_pct": -1.84,
                     *           "exchange": "binance",
                     *           "freshness": "live",
                     *           "is_active": true,
                     *           "last_candle_time": 1710000000000,
                     *           "last_fetch_error": null,
                     *           "last_price": 68123.45,
                     *           "price_precision": 2,
                     *           "quote": "USDT",
                     *           "symbol": "BTC/USDT",
                     *           "tick_size": 0.01,
                     *           "url_symbol": "BTC-USDT"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_SymbolOut__"];
                };
            };
            /** @description Not modified: If-None-Match holds the current ETag (no body) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The tier does not include this symbol. Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "market-list-candles": {
        parameters: {
            query?: {
                /** @description the last candle's open time (inclusive): ms since the epoch or ISO-8601 (UTC if naive) */
                end?: number | string;
                /** @description `compact`: `{columns, rows}` instead of one object per candle */
                format?: "objects" | "compact";
                /** @description add the forming candle of the timeframe (see above) */
                include_forming?: boolean;
                limit?: number;
                /** @description the first candle's open time: ms since the epoch or ISO-8601 (UTC if naive) */
                start?: number | string;
                /** @description a detection timeframe */
                timeframe?: string;
            };
            header?: never;
            path: {
                /** @description The symbol, BASE-QUOTE (`BTC-USDT`) or BASE/QUOTE URL-encoded (`BTC%2FUSDT`), any case */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Candles of one symbol and timeframe, ascending by time, and the forming one */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "close": 68123.45,
                     *           "high": 68150.5,
                     *           "low": 68090.1,
                     *           "open": 68100,
                     *           "time": 1710000000000,
                     *           "volume": 12.3456
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_Union_list_CandleOut___CompactCandles__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired); `invalid_api_key`: an unknown, revoked or expired API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The tier does not include this symbol. Codes: `scope_required`: the API key lacks the scope; `ip_not_allowed`: the API key's IP rules exclude the caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unknown symbol */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; wait `Retry-After` seconds */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "key-minute";r=59;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "key-minute";q=60;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's tags, by name (at most 200) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "color": "BTC/USDT",
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "description": "BTC/USDT",
                     *           "id": 42,
                     *           "name": "Daily BTC"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_TagOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-create-tag": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "color": "#6366f1",
                 *       "description": "",
                 *       "name": "breakout"
                 *     }
                 */
                "application/json": components["schemas"]["TagIn"];
            };
        };
        responses: {
            /** @description Created: A new tag: name unique ignoring case, color #RRGGBB (200 a user) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "color": "BTC/USDT",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "description": "BTC/USDT",
                     *         "id": 42,
                     *         "name": "Daily BTC"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TagOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description invalid_transition, price_unavailable (close at market), already_journaled (a signal), tag_exists or limit_reached (200 tags) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-delete-tag": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                tag_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Delete a tag; it leaves every trade that had it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_DeletedOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-update-tag": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                tag_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "color": "#6366f1",
                 *       "description": "BTC/USDT",
                 *       "name": "breakout"
                 *     }
                 */
                "application/json": components["schemas"]["TagPatch"];
            };
        };
        responses: {
            /** @description OK: Rename, recolour or describe a tag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "color": "BTC/USDT",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "description": "BTC/USDT",
                     *         "id": 42,
                     *         "name": "Daily BTC"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TagOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description invalid_transition, price_unavailable (close at market), already_journaled (a signal), tag_exists or limit_reached (200 tags) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-trade": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                trade_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One of the caller's trades */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "direction": "long",
                     *         "entry_price": "101.25",
                     *         "entry_time": "2026-01-15T09:30:00.123Z",
                     *         "exit_notes": "BTC/USDT",
                     *         "exit_price": "101.25",
                     *         "exit_time": "2026-01-15T09:30:00.123Z",
                     *         "fees": "101.25",
                     *         "id": 42,
                     *         "initial_stop_loss": "101.25",
                     *         "lessons": "BTC/USDT",
                     *         "pattern_type": "BTC/USDT",
                     *         "pnl": "101.25",
                     *         "pnl_pct": "101.25",
                     *         "portfolio_id": 42,
                     *         "quantity": "101.25",
                     *         "r_multiple": "101.25",
                     *         "setup_notes": "BTC/USDT",
                     *         "signal_id": 42,
                     *         "status": "pending",
                     *         "stop_loss": "101.25",
                     *         "symbol": "BTC/USDT",
                     *         "tags": [
                     *           {
                     *             "color": "BTC/USDT",
                     *             "id": 42,
                     *             "name": "Daily BTC"
                     *           }
                     *         ],
                     *         "take_profit": "101.25",
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TradeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-delete-trade": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                trade_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Delete a trade (a closed one's pnl leaves the balance) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_DeletedOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-update-trade": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                trade_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "direction": "long",
                 *       "entry_price": "101.25",
                 *       "entry_time": "2026-01-02T03:04:05Z",
                 *       "exit_notes": "BTC/USDT",
                 *       "exit_price": "101.25",
                 *       "exit_time": "2026-01-02T03:04:05Z",
                 *       "fees": "1.5",
                 *       "initial_stop_loss": "101.25",
                 *       "lessons": "BTC/USDT",
                 *       "pattern_type": "fvg",
                 *       "quantity": "2",
                 *       "setup_notes": "BTC/USDT",
                 *       "stop_loss": "101.25",
                 *       "symbol": "BTC/USDT",
                 *       "tags": [
                 *         1
                 *       ],
                 *       "take_profit": "101.25",
                 *       "timeframe": "1m"
                 *     }
                 */
                "application/json": components["schemas"]["TradePatch"];
            };
        };
        responses: {
            /** @description OK: Correct a trade or set its tags (not its status); a closed trade's pnl is recomputed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "direction": "long",
                     *         "entry_price": "101.25",
                     *         "entry_time": "2026-01-15T09:30:00.123Z",
                     *         "exit_notes": "BTC/USDT",
                     *         "exit_price": "101.25",
                     *         "exit_time": "2026-01-15T09:30:00.123Z",
                     *         "fees": "101.25",
                     *         "id": 42,
                     *         "initial_stop_loss": "101.25",
                     *         "lessons": "BTC/USDT",
                     *         "pattern_type": "BTC/USDT",
                     *         "pnl": "101.25",
                     *         "pnl_pct": "101.25",
                     *         "portfolio_id": 42,
                     *         "quantity": "101.25",
                     *         "r_multiple": "101.25",
                     *         "setup_notes": "BTC/USDT",
                     *         "signal_id": 42,
                     *         "status": "pending",
                     *         "stop_loss": "101.25",
                     *         "symbol": "BTC/USDT",
                     *         "tags": [
                     *           {
                     *             "color": "BTC/USDT",
                     *             "id": 42,
                     *             "name": "Daily BTC"
                     *           }
                     *         ],
                     *         "take_profit": "101.25",
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TradeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description invalid_transition, price_unavailable (close at market), already_journaled (a signal), tag_exists or limit_reached (200 tags) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-cancel-trade": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                trade_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "exit_notes": "BTC/USDT"
                 *     }
                 */
                "application/json": components["schemas"]["CancelIn"];
            };
        };
        responses: {
            /** @description OK: pending -> cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "direction": "long",
                     *         "entry_price": "101.25",
                     *         "entry_time": "2026-01-15T09:30:00.123Z",
                     *         "exit_notes": "BTC/USDT",
                     *         "exit_price": "101.25",
                     *         "exit_time": "2026-01-15T09:30:00.123Z",
                     *         "fees": "101.25",
                     *         "id": 42,
                     *         "initial_stop_loss": "101.25",
                     *         "lessons": "BTC/USDT",
                     *         "pattern_type": "BTC/USDT",
                     *         "pnl": "101.25",
                     *         "pnl_pct": "101.25",
                     *         "portfolio_id": 42,
                     *         "quantity": "101.25",
                     *         "r_multiple": "101.25",
                     *         "setup_notes": "BTC/USDT",
                     *         "signal_id": 42,
                     *         "status": "pending",
                     *         "stop_loss": "101.25",
                     *         "symbol": "BTC/USDT",
                     *         "tags": [
                     *           {
                     *             "color": "BTC/USDT",
                     *             "id": 42,
                     *             "name": "Daily BTC"
                     *           }
                     *         ],
                     *         "take_profit": "101.25",
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TradeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description invalid_transition, price_unavailable (close at market), already_journaled (a signal), tag_exists or limit_reached (200 tags) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-close-trade": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                trade_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at_market": false,
                 *       "exit_notes": "BTC/USDT",
                 *       "exit_price": "101.25",
                 *       "exit_time": "2026-01-02T03:04:05Z",
                 *       "fees": "1.5"
                 *     }
                 */
                "application/json": components["schemas"]["CloseIn"];
            };
        };
        responses: {
            /** @description OK: open -> closed at a price or at market (the newest stored 1m close) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "direction": "long",
                     *         "entry_price": "101.25",
                     *         "entry_time": "2026-01-15T09:30:00.123Z",
                     *         "exit_notes": "BTC/USDT",
                     *         "exit_price": "101.25",
                     *         "exit_time": "2026-01-15T09:30:00.123Z",
                     *         "fees": "101.25",
                     *         "id": 42,
                     *         "initial_stop_loss": "101.25",
                     *         "lessons": "BTC/USDT",
                     *         "pattern_type": "BTC/USDT",
                     *         "pnl": "101.25",
                     *         "pnl_pct": "101.25",
                     *         "portfolio_id": 42,
                     *         "quantity": "101.25",
                     *         "r_multiple": "101.25",
                     *         "setup_notes": "BTC/USDT",
                     *         "signal_id": 42,
                     *         "status": "pending",
                     *         "stop_loss": "101.25",
                     *         "symbol": "BTC/USDT",
                     *         "tags": [
                     *           {
                     *             "color": "BTC/USDT",
                     *             "id": 42,
                     *             "name": "Daily BTC"
                     *           }
                     *         ],
                     *         "take_profit": "101.25",
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TradeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description invalid_transition, price_unavailable (close at market), already_journaled (a signal), tag_exists or limit_reached (200 tags) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-journal": {
        parameters: {
            query?: {
                entry_type?: ("pre_trade" | "during" | "post_trade" | "lesson") | null;
            };
            header?: never;
            path: {
                /** @description A positive id */
                trade_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The trade's journal entries, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "content": "BTC/USDT",
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "entry_type": "pre_trade",
                     *           "id": 42,
                     *           "mood": "confident",
                     *           "trade_id": 42,
                     *           "updated_at": "2026-01-15T09:30:00.123Z"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_JournalEntryOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro. Codes: `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such trade or journal entry of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-add-journal-entry": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                trade_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "content": "Waited for the retest.",
                 *       "entry_type": "during",
                 *       "mood": "confident"
                 *     }
                 */
                "application/json": components["schemas"]["JournalEntryIn"];
            };
        };
        responses: {
            /** @description Created: Add a note to a trade (up to 100 a trade) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "content": "BTC/USDT",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "entry_type": "pre_trade",
                     *         "id": 42,
                     *         "mood": "confident",
                     *         "trade_id": 42,
                     *         "updated_at": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_JournalEntryOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such trade or journal entry of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description limit_reached: the trade has 100 entries */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "portfolios-open-trade": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                trade_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "entry_price": "101.25",
                 *       "entry_time": "2026-01-02T03:04:05Z",
                 *       "fees": "1.5",
                 *       "quantity": "2"
                 *     }
                 */
                "application/json": components["schemas"]["OpenIn"];
            };
        };
        responses: {
            /** @description OK: pending -> open, with a quantity by then */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "direction": "long",
                     *         "entry_price": "101.25",
                     *         "entry_time": "2026-01-15T09:30:00.123Z",
                     *         "exit_notes": "BTC/USDT",
                     *         "exit_price": "101.25",
                     *         "exit_time": "2026-01-15T09:30:00.123Z",
                     *         "fees": "101.25",
                     *         "id": 42,
                     *         "initial_stop_loss": "101.25",
                     *         "lessons": "BTC/USDT",
                     *         "pattern_type": "BTC/USDT",
                     *         "pnl": "101.25",
                     *         "pnl_pct": "101.25",
                     *         "portfolio_id": 42,
                     *         "quantity": "101.25",
                     *         "r_multiple": "101.25",
                     *         "setup_notes": "BTC/USDT",
                     *         "signal_id": 42,
                     *         "status": "pending",
                     *         "stop_loss": "101.25",
                     *         "symbol": "BTC/USDT",
                     *         "tags": [
                     *           {
                     *             "color": "BTC/USDT",
                     *             "id": 42,
                     *             "name": "Daily BTC"
                     *           }
                     *         ],
                     *         "take_profit": "101.25",
                     *         "timeframe": "1h"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_TradeOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), or a tier below pro or its limit. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such portfolio, trade, tag or signal of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description invalid_transition, price_unavailable (close at market), already_journaled (a signal), tag_exists or limit_reached (200 tags) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error), unknown_symbol or unknown_tag */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The caller's webhook endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "description": "BTC/USDT",
                     *           "disabled_at": "2026-01-15T09:30:00.123Z",
                     *           "disabled_reason": "BTC/USDT",
                     *           "events": [
                     *             "signal.created"
                     *           ],
                     *           "failure_streak": 1,
                     *           "filters": {
                     *             "direction": "both",
                     *             "min_confluence": 1,
                     *             "symbols": [
                     *               "BTC/USDT"
                     *             ]
                     *           },
                     *           "id": 42,
                     *           "payload_version": 1,
                     *           "previous_secret_until": "2026-01-15T09:30:00.123Z",
                     *           "status": "active",
                     *           "updated_at": "2026-01-15T09:30:00.123Z",
                     *           "url": "https://hooks.example.com/cryptolens"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_WebhookEndpointOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-create": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "",
                 *       "events": [
                 *         "signal.created"
                 *       ],
                 *       "filters": {
                 *         "direction": "both",
                 *         "min_confluence": 1,
                 *         "symbols": [
                 *           "BTC/USDT"
                 *         ]
                 *       },
                 *       "url": "https://example.com/hooks/cryptolens"
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEndpointIn"];
            };
        };
        responses: {
            /** @description Created: Add an endpoint (the secret is shown in this answer only) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "description": "BTC/USDT",
                     *         "disabled_at": "2026-01-15T09:30:00.123Z",
                     *         "disabled_reason": "BTC/USDT",
                     *         "events": [
                     *           "signal.created"
                     *         ],
                     *         "failure_streak": 1,
                     *         "filters": {
                     *           "direction": "both",
                     *           "min_confluence": 1,
                     *           "symbols": [
                     *             "BTC/USDT"
                     *           ]
                     *         },
                     *         "id": 42,
                     *         "payload_version": 1,
                     *         "previous_secret_until": "2026-01-15T09:30:00.123Z",
                     *         "secret": "BTC/USDT",
                     *         "status": "active",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "url": "https://hooks.example.com/cryptolens"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookEndpointCreatedOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description limit_reached, delivery_pending or endpoint_disabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error) or URL not allowed (url_not_allowed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A positive id */
                endpoint_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One of the caller's endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "description": "BTC/USDT",
                     *         "disabled_at": "2026-01-15T09:30:00.123Z",
                     *         "disabled_reason": "BTC/USDT",
                     *         "events": [
                     *           "signal.created"
                     *         ],
                     *         "failure_streak": 1,
                     *         "filters": {
                     *           "direction": "both",
                     *           "min_confluence": 1,
                     *           "symbols": [
                     *             "BTC/USDT"
                     *           ]
                     *         },
                     *         "id": 42,
                     *         "payload_version": 1,
                     *         "previous_secret_until": "2026-01-15T09:30:00.123Z",
                     *         "status": "active",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "url": "https://hooks.example.com/cryptolens"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookEndpointOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such endpoint or delivery of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-delete": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                endpoint_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Remove an endpoint with its log and pending deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "message": "Done"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookDeletedOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such endpoint or delivery of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-update": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                endpoint_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "BTC/USDT",
                 *       "enabled": true,
                 *       "events": [
                 *         "signal.created"
                 *       ],
                 *       "filters": {
                 *         "direction": "both",
                 *         "min_confluence": 1,
                 *         "symbols": [
                 *           "BTC/USDT"
                 *         ]
                 *       },
                 *       "url": "https://hooks.example.com/cryptolens"
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEndpointPatch"];
            };
        };
        responses: {
            /** @description OK: Change url, description, events, filters; enable or disable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "description": "BTC/USDT",
                     *         "disabled_at": "2026-01-15T09:30:00.123Z",
                     *         "disabled_reason": "BTC/USDT",
                     *         "events": [
                     *           "signal.created"
                     *         ],
                     *         "failure_streak": 1,
                     *         "filters": {
                     *           "direction": "both",
                     *           "min_confluence": 1,
                     *           "symbols": [
                     *             "BTC/USDT"
                     *           ]
                     *         },
                     *         "id": 42,
                     *         "payload_version": 1,
                     *         "previous_secret_until": "2026-01-15T09:30:00.123Z",
                     *         "status": "active",
                     *         "updated_at": "2026-01-15T09:30:00.123Z",
                     *         "url": "https://hooks.example.com/cryptolens"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookEndpointOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such endpoint or delivery of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error) or URL not allowed (url_not_allowed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-deliveries": {
        parameters: {
            query?: {
                /** @description meta.next_cursor of the previous page */
                cursor?: string | null;
                limit?: number;
                /** @description created at or after: ms since the epoch or ISO-8601 (UTC if naive) */
                since?: number | string;
                status?: ("pending" | "succeeded" | "failed") | null;
                type?: string | null;
                /** @description created before: ms since the epoch or ISO-8601 (UTC if naive) */
                until?: number | string;
            };
            header?: never;
            path: {
                /** @description A positive id */
                endpoint_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The endpoint's deliveries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "attempts": 1,
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "id": "BTC/USDT",
                     *           "last_error": "BTC/USDT",
                     *           "last_status_code": 1,
                     *           "next_attempt_at": "2026-01-15T09:30:00.123Z",
                     *           "reason": "BTC/USDT",
                     *           "status": "pending",
                     *           "type": "BTC/USDT"
                     *         }
                     *       ],
                     *       "error": null,
                     *       "meta": {
                     *         "count": 1,
                     *         "next_cursor": null,
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_list_WebhookDeliveryOut__"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such endpoint or delivery of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid field (validation_error) or URL not allowed (url_not_allowed) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-delivery": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
                /** @description A positive id */
                endpoint_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One delivery: the body sent and every attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "attempt_log": [
                     *           {
                     *             "attempted_at": "2026-01-15T09:30:00.123Z",
                     *             "duration_ms": 1768469400123,
                     *             "error": "BTC/USDT",
                     *             "kind": "auto",
                     *             "request_headers": {
                     *               "key": "BTC/USDT"
                     *             },
                     *             "response_body": "BTC/USDT",
                     *             "response_headers": {
                     *               "key": "BTC/USDT"
                     *             },
                     *             "status_code": 1,
                     *             "succeeded": true
                     *           }
                     *         ],
                     *         "attempts": 1,
                     *         "body": "BTC/USDT",
                     *         "created_at": "2026-01-15T09:30:00.123Z",
                     *         "id": "BTC/USDT",
                     *         "last_error": "BTC/USDT",
                     *         "last_status_code": 1,
                     *         "next_attempt_at": "2026-01-15T09:30:00.123Z",
                     *         "reason": "BTC/USDT",
                     *         "status": "pending",
                     *         "type": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookDeliveryDetailOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such endpoint or delivery of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-redeliver": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                delivery_id: string;
                /** @description A positive id */
                endpoint_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One more attempt of a finished delivery, now (10 a minute) */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=9;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=10;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "attempt": {
                     *           "attempted_at": "2026-01-15T09:30:00.123Z",
                     *           "duration_ms": 1768469400123,
                     *           "error": "BTC/USDT",
                     *           "kind": "auto",
                     *           "request_headers": {
                     *             "key": "BTC/USDT"
                     *           },
                     *           "response_body": "BTC/USDT",
                     *           "response_headers": {
                     *             "key": "BTC/USDT"
                     *           },
                     *           "status_code": 1,
                     *           "succeeded": true
                     *         },
                     *         "delivery": {
                     *           "attempts": 1,
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "id": "BTC/USDT",
                     *           "last_error": "BTC/USDT",
                     *           "last_status_code": 1,
                     *           "next_attempt_at": "2026-01-15T09:30:00.123Z",
                     *           "reason": "BTC/USDT",
                     *           "status": "pending",
                     *           "type": "BTC/USDT"
                     *         }
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookAttemptRunOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such endpoint or delivery of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description limit_reached, delivery_pending or endpoint_disabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=9;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=10;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-rotate-secret": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                endpoint_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A new secret (shown once); the previous one also signs for 24 h */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "previous_secret_until": "2026-01-15T09:30:00.123Z",
                     *         "secret": "BTC/USDT"
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookSecretOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such endpoint or delivery of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "webhooks-test": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The token of `GET /api/v1/auth/csrf`, echoed: required: without it the request is refused (403 `csrf_failed`)
                 * @example Zm9vYmFyYmF6.c2lnbmF0dXJl
                 */
                "X-CSRF-Token"?: string;
            };
            path: {
                /** @description A positive id */
                endpoint_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Send a signed webhook.test event now (one attempt, 5 a minute) */
            200: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=60
                     */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "attempt": {
                     *           "attempted_at": "2026-01-15T09:30:00.123Z",
                     *           "duration_ms": 1768469400123,
                     *           "error": "BTC/USDT",
                     *           "kind": "auto",
                     *           "request_headers": {
                     *             "key": "BTC/USDT"
                     *           },
                     *           "response_body": "BTC/USDT",
                     *           "response_headers": {
                     *             "key": "BTC/USDT"
                     *           },
                     *           "status_code": 1,
                     *           "succeeded": true
                     *         },
                     *         "delivery": {
                     *           "attempts": 1,
                     *           "created_at": "2026-01-15T09:30:00.123Z",
                     *           "id": "BTC/USDT",
                     *           "last_error": "BTC/USDT",
                     *           "last_status_code": 1,
                     *           "next_attempt_at": "2026-01-15T09:30:00.123Z",
                     *           "reason": "BTC/USDT",
                     *           "status": "pending",
                     *           "type": "BTC/USDT"
                     *         }
                     *       },
                     *       "error": null,
                     *       "meta": {
                     *         "request_id": "3f2b8c1e9a7d4e6f",
                     *         "timestamp": "2026-01-15T09:30:00.123Z"
                     *       },
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["Envelope_WebhookAttemptRunOut_"];
                };
            };
            /** @description The body could not be read (e.g. not UTF-8) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not signed in. Codes: `not_signed_in`: no session cookie (or it expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, an API key (session only), email not verified, or not premium. Codes: `csrf_failed`: the X-CSRF-Token header does not echo the csrf cookie; `session_required`: an API key was sent: this route needs the session; `verification_required`: the email address is not verified yet; `tier_required`: the subscription tier is too low (an upgrade allows it) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No such endpoint or delivery of the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body; `meta` names the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    /**
                     * @description What is left: `"name";r=<remaining>;t=<seconds until reset>`
                     * @example "route";r=4;t=60
                     */
                    RateLimit?: string;
                    /**
                     * @description Each limit counted: `"name";q=<quota>;w=<window seconds>`
                     * @example "route";q=5;w=60
                     */
                    "RateLimit-Policy"?: string;
                    /**
                     * @description Seconds to wait before trying again
                     * @example 30
                     */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Internal error (no details leaked) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
