"""Candle sources: the exchange through ccxt, and the replay market (files or synthetic)."""
