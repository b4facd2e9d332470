"""Background processing: job definitions, the arq worker, the embedded runner and the cron
schedule. Job functions are thin: open a session, call a domain service, report counters."""
