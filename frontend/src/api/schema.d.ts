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
        /** Health of the service and its dependencies */
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
        /** Liveness: answers without touching any dependency */
        get: operations["health-live"];
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
        /** Replace the backup codes (needs an authenticator code); shown once */
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
        /** Turn two-factor sign-in off (password and a code or backup code) */
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
        /** Turn two-factor sign-in on with a code; returns the backup codes once */
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
        /** Start two-factor set-up: the secret, its otpauth URI and a QR code */
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
        /** Change the password; other sessions end and this one gets a new cookie */
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
        /** Set the CSRF cookie and return its token (call it first) */
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
        /** Mail a password reset link (same answer for any email) */
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
        /** Sign in with email and password (then /login/totp when TOTP is on) */
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
        /** Second sign-in step: an authenticator code or a backup code */
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
        /** End this session */
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
        /** End every session of the account, this one included */
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
        /** The signed-in user: profile, tier and what it allows */
        get: operations["auth-me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the display name or the time zone */
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
        /** The symbols the user follows */
        get: operations["auth-get-watchlist"];
        /** Replace the watchlist (pro: up to 5 symbols; free: BTC/USDT only) */
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
        /** Create an account (free tier) and mail the verification link */
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
        /** Mail a new verification link (same answer for any email) */
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
        /** Set a new password with the mailed token; every session ends */
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
        /** The account's live sessions (the current one marked) */
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
        /** End one of the account's sessions */
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
        /** Verify the email address with the mailed token */
        post: operations["auth-verify-email"];
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
        /** The plans, their prices and what each tier allows */
        get: operations["billing-plans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pattern matrix: symbols x timeframes, newest active pattern per cell */
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
        /** The caller's delivery history, newest first */
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
        /** Mute a symbol for 24 h from a push's signed link (no session needed) */
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
        /** The caller's notification preferences, topic and tier limits */
        get: operations["notifications-get-preferences"];
        /** Replace the caller's notification preferences (within the tier) */
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
        /** Send one test push to the caller's topic (3 an hour) */
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
        /** Replace the caller's secret NTFY topic (the old one stops receiving) */
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
        /** Patterns, newest confirmed first */
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
        /** One pattern with its lifecycle */
        get: operations["patterns-get"];
        put?: never;
        post?: never;
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
        /** Signals, newest first, each with its setup's record at creation */
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
        /** One signal: levels, contributing patterns, status history, outcome, setup stats */
        get: operations["signals-get"];
        put?: never;
        post?: never;
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
        /** Global statistics: symbols, active patterns, signals today, overall hit rate */
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
        /** Hit rates per anchor type x timeframe x symbol, per symbol and overall */
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
        /** Live events: pattern.created/updated, signal.created/updated (text/event-stream) */
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
        /** Active symbols with freshness, last price and 24 h change */
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
        /** Closed candles of one symbol and timeframe, ascending by time */
        get: operations["market-list-candles"];
        put?: never;
        post?: never;
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
        /** BackupCodesOut */
        BackupCodesOut: {
            /**
             * Backup Codes
             * @description Shown once; each works once
             */
            backup_codes: string[];
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
             * Rows
             * @description one row per candle, ascending by time
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
        /** DeliveryOut */
        DeliveryOut: {
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /**
             * Reason
             * @description Why it was skipped or failed
             */
            reason: string | null;
            /** Sent At */
            sent_at: string | null;
            /** Signal Id */
            signal_id: number;
            /**
             * Status
             * @enum {string}
             */
            status: "queued" | "sent" | "failed" | "skipped";
            /** Symbol */
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
        /** Envelope[BackupCodesOut] */
        Envelope_BackupCodesOut_: {
            data: components["schemas"]["BackupCodesOut"] | null;
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
        /** Envelope[LivenessOut] */
        Envelope_LivenessOut_: {
            data: components["schemas"]["LivenessOut"] | null;
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
        /** Envelope[PreferencesOut] */
        Envelope_PreferencesOut_: {
            data: components["schemas"]["PreferencesOut"] | null;
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
            /**
             * Signals Today
             * @description signals created since 00:00 UTC
             */
            signals_today: number;
            /** Symbols */
            symbols: number;
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
            /** Last Login At */
            last_login_at: string | null;
            limits: components["schemas"]["LimitsOut"];
            /** Ntfy Topic */
            ntfy_topic: string;
            subscription: components["schemas"]["SubscriptionOut"] | null;
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
        Meta: {
            [key: string]: unknown;
        };
        /** MuteOut */
        MuteOut: {
            /**
             * Muted Until
             * Format: date-time
             */
            muted_until: string;
            /** Symbol */
            symbol: string;
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
             * @description close of that candle: when it became knowable
             */
            confirmed_at: number;
            /**
             * Direction
             * @enum {string}
             */
            direction: "bullish" | "bearish";
            /** Expired At */
            expired_at: number | null;
            /**
             * Expires At
             * @description formed_at + the timeframe's expiry
             */
            expires_at: number;
            /** Fill Pct */
            fill_pct: number;
            /** Filled At */
            filled_at: number | null;
            /**
             * Formed At
             * @description open time (ms UTC) of the candle that completed it
             */
            formed_at: number;
            /** Id */
            id: number;
            /** Invalidated At */
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
            /** Touched At */
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
        /** PlanOut */
        PlanOut: {
            /**
             * Code
             * @example pro_monthly
             */
            code: string;
            /** Days */
            days: number;
            limits: components["schemas"]["LimitsOut"];
            /**
             * Period
             * @enum {string}
             */
            period: "monthly" | "yearly";
            /**
             * Price Usd
             * @example 19
             */
            price_usd: string;
            tier: components["schemas"]["Tier"];
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
        /**
         * ProfileIn
         * @description Only the fields sent are changed.
         */
        ProfileIn: {
            /** Display Name */
            display_name?: string | null;
            /** Timezone */
            timezone?: string | null;
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
        /** SessionOut */
        SessionOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current */
            current: boolean;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Id */
            id: number;
            /** Ip */
            ip: string | null;
            /**
             * Last Seen At
             * Format: date-time
             */
            last_seen_at: string;
            /** User Agent */
            user_agent: string | null;
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
            /** Cancelled At */
            cancelled_at: number | null;
            /** Closed At */
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
            /** Expired At */
            expired_at: number | null;
            /** Id */
            id: number;
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
            /** Stopped At */
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
            /** Tp1 At */
            tp1_at: number | null;
            /** Tp2 At */
            tp2_at: number | null;
            /** Tp3 At */
            tp3_at: number | null;
            /** Triggered At */
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
            /** Cancelled At */
            cancelled_at: number | null;
            /** Closed At */
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
            /** Expired At */
            expired_at: number | null;
            /** Id */
            id: number;
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
            /** Stopped At */
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
            /** Tp1 At */
            tp1_at: number | null;
            /** Tp2 At */
            tp2_at: number | null;
            /** Tp3 At */
            tp3_at: number | null;
            /** Triggered At */
            triggered_at: number | null;
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
        /** SubscriptionOut */
        SubscriptionOut: {
            /** Expires At */
            expires_at: string | null;
            /** Grace Days */
            grace_days: number;
            /** Plan */
            plan: string;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "cancelled" | "expired" | "suspended";
        };
        /**
         * SymbolOut
         * @example {
         *       "added_at": "2024-03-01T12:00:00Z",
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
        /** TestPushOut */
        TestPushOut: {
            /** Http Status */
            http_status: number | null;
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
        /** TokenIn */
        TokenIn: {
            /** Token */
            token: string;
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
        /** UserOut */
        UserOut: {
            /**
             * Created At
             * Format: date-time
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
            /** Last Login At */
            last_login_at: string | null;
            /** Ntfy Topic */
            ntfy_topic: string;
            /** Timezone */
            timezone: string;
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
                    "application/json": components["schemas"]["Envelope_HealthOut_"];
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
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
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableTwoFactorIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
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
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
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
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
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
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpLoginIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WatchlistIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
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
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path: {
                /** @description A positive id */
                session_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in, wrong credentials, or the account is locked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
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
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description CSRF header missing or not matching the csrf cookie; or a tier/verification needed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
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
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_MatrixRow__"];
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history) */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
    "notifications-get-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description CSRF header missing, email not verified, or the tier does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol, type or history) */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol, type or history) */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history) */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history) */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_GlobalStatsOut_"];
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history) */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
    "signals-setup-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_SetupLineOut__"];
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Outside the tier (symbol or history) */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": unknown;
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
    "market-list-symbols": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope_list_SymbolOut__"];
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The tier does not include this symbol */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
    "market-list-candles": {
        parameters: {
            query?: {
                /** @description the last candle's open time: ms since the epoch or ISO-8601 (UTC if naive) */
                end?: number | string;
                /** @description `compact`: `{columns, rows}` instead of one object per candle */
                format?: "objects" | "compact";
                limit?: number;
                /** @description the first candle's open time: ms since the epoch or ISO-8601 (UTC if naive) */
                start?: number | string;
                /** @description a detection timeframe */
                timeframe?: string;
            };
            header?: never;
            path: {
                /** @description BASE-QUOTE, e.g. BTC-USDT */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The tier does not include this symbol */
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
            /** @description The body is over settings.http.max_body_bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description An unsafe request's body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Invalid path, query or body (named in meta) */
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
}
