"""The admin API (`/api/v1/admin`): admin-only routes composed from the other domains'
services. One sub-package per section of admin.md; admin/router.py puts them together behind
the one admin guard."""
