"""Runtime settings: values an admin stores in the `settings` table over the environment's."""
