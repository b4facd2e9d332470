"""Loopback fakes of external services (real sockets on 127.0.0.1)."""
