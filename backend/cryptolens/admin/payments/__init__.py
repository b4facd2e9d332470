"""`/admin/payments`: list, detail with provider events, refund mark."""
