"""Per-process counters of committed writes to chosen tables.

An in-process memo (e.g. who a session cookie belongs to) compares the counter it was filled
under with the current one: any commit in this process that wrote one of its tables makes it
stale at once. Writes committed by other processes are not seen; such a memo must also expire
by time. Works for ORM flushes and for INSERT/UPDATE/DELETE statements run through a Session.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Any
from weakref import WeakSet

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

_PENDING = "cryptolens.written_tables"


class ChangeCounter:
    def __init__(self, tables: Iterable[str]) -> None:
        self.tables = frozenset(tables)
        self.value = 0


# Weak: a counter goes with the memo that holds it (tests build many apps).
_counters: WeakSet[ChangeCounter] = WeakSet()


def change_counter(tables: Iterable[str]) -> ChangeCounter:
    counter = ChangeCounter(tables)
    _counters.add(counter)
    return counter


def _note(session: Session, tables: set[str]) -> None:
    if tables:
        session.info.setdefault(_PENDING, set()).update(tables)


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _flush: UOWTransaction) -> None:
    objects: Iterable[Any] = chain(session.new, session.dirty, session.deleted)
    _note(session, {obj.__table__.name for obj in objects if hasattr(obj, "__table__")})


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            _note(state.session, {name})


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    written: set[str] | None = session.info.pop(_PENDING, None)
    if written:
        for counter in _counters:
            if not counter.tables.isdisjoint(written):
                counter.value += 1


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)
