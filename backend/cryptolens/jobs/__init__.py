"""The job runtime: the registry of named jobs, one execute() for every try, arq workers with
the cron schedule, the embedded runner, enqueueing. Job bodies live in each domain's tasks.py
and receive a cryptolens.job_context.JobContext."""
