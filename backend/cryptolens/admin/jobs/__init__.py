"""`/admin/jobs`: the cron jobs with their switch and run history, run now, the runs list."""
