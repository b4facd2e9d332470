"""Cross-cutting pieces only; core imports no domain."""
