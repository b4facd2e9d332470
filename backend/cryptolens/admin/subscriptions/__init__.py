"""`/admin/subscriptions` and the subscription actions under `/admin/users/{user_id}`."""
