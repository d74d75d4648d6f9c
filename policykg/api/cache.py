"""Entity answers cached while the store stays the same (the stamp of ``queries.snapshot``).

An entity with its links costs a store round trip of tens of milliseconds on the
embedded store; the same answer from memory costs microseconds. The cache is cleared
when the store's stamp changes (checked at most every ``freshness`` seconds, like the
RDF view) and at once by the API's own writes.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any

from policykg.graph.store import GraphStore
from policykg.queries.snapshot import store_stamp

MAX_ENTRIES = 50_000


class EntityCache:
    def __init__(self, store: GraphStore, freshness: float) -> None:
        self.store = store
        self.freshness = freshness
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._stamp: str | None = None
        self._checked = 0.0

    def _fresh(self) -> None:
        with self._lock:
            now = time.monotonic()
            due = self.freshness <= 0 or now - self._checked >= self.freshness
            if due:
                self._checked = now  # one request checks; the others go on with what is cached meanwhile
        if due:
            stamp = store_stamp(self.store)
            with self._lock:
                if stamp != self._stamp:
                    self._items.clear()
                    self._stamp = stamp

    def peek(self, key: tuple[str, str]) -> Any:
        """The cached value when no stamp check is due (no store access, so an async route may call it)."""
        with self._lock:
            if self.freshness <= 0 or time.monotonic() - self._checked >= self.freshness:
                return None
            return self._items.get(key)

    def get(self, key: tuple[str, str]) -> Any:
        self._fresh()
        with self._lock:
            return self._items.get(key)

    def put(self, key: tuple[str, str], value: Any) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > MAX_ENTRIES:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._checked = 0.0
