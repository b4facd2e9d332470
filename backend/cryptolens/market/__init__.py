"""Market data: symbols, candles, exchange and replay sources, aggregation, the fetch service."""
