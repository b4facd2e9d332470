"""Admin broadcasts (admin.md "Broadcasts"): templates with placeholders, the audience, the
schedule, and delivery through the notification fan-out (one user_notifications row per user
and broadcast, the retry schedule of notifications.md, outside the daily limit, held until
quiet hours end). Other domains use `service` and `schemas`."""
