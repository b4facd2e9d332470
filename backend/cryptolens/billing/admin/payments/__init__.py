"""Payments as the admin API reads and refund-marks them: service.py is what admin calls."""
