"""The market migration on each backend: keys, indexes and column types as designed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Float, inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from cryptolens.market.models import Candle, CandleGap, Symbol


async def inspected(engine: AsyncEngine, look: Any) -> Any:
    async with engine.connect() as connection:
        return await connection.run_sync(lambda sync: look(inspect(sync)))


async def test_candles_are_keyed_by_symbol_timeframe_and_time_without_extra_indexes(
    db_engine: AsyncEngine,
) -> None:
    key = await inspected(db_engine, lambda i: i.get_pk_constraint("candles"))
    assert key["constrained_columns"] == ["symbol_id", "timeframe", "open_time"]
    # The key serves every read; a second index on the same columns would only slow writes.
    assert await inspected(db_engine, lambda i: i.get_indexes("candles")) == []
    assert await inspected(db_engine, lambda i: i.get_unique_constraints("candles")) == []
    columns = {c["name"]: c for c in await inspected(db_engine, lambda i: i.get_columns("candles"))}
    assert isinstance(columns["open_time"]["type"], BigInteger)
    for price in ["open", "high", "low", "close", "volume"]:
        # DOUBLE: 8 bytes. A 4-byte FLOAT would round BTC prices to about 7 digits.
        assert isinstance(columns[price]["type"], Float)
        assert "DOUBLE" in str(columns[price]["type"]).upper()
        assert not columns[price]["nullable"]


async def test_the_migration_matches_the_models(db_engine: AsyncEngine) -> None:
    for model in (Symbol, Candle, CandleGap):
        table = model.__table__
        columns = {
            c["name"]: c
            for c in await inspected(db_engine, lambda i, t=table.name: i.get_columns(t))
        }
        assert set(columns) == set(table.columns.keys())
        for column in table.columns:
            assert columns[column.name]["nullable"] == column.nullable, column
    symbol_keys = await inspected(db_engine, lambda i: i.get_unique_constraints("symbols"))
    assert [k["column_names"] for k in symbol_keys] == [["exchange", "symbol"]]
