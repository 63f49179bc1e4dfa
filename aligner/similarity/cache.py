"""On-disk embedding cache: CI re-runs on a growing corpus encode only the new sentences.

One SQLite file per cache folder, keyed by (model id, normalised sentence). SQLite gives atomic
transactions, and a crash mid-write leaves the previous state intact. Several processes share one
cache (two ``align`` runs, the workers of ``align batch``): the file is in WAL mode, so readers
never wait for a writer, a writer waits up to a busy timeout for another, and a statement that
still finds the file locked (opening it while another process switches it to WAL, a checkpoint)
is retried with a growing pause. A cache that cannot be opened or written is never fatal: the run
goes on without it and says so once.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np

CACHE_FILE = "embeddings.sqlite3"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, key TEXT NOT NULL, "
           "vec BLOB NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID")


T = TypeVar("T")


@dataclass(frozen=True)
class CacheParams:
    """How long a process waits for another that holds the cache file."""

    #: SQLite's own wait for a lock, per statement.
    busy_timeout_s: float = 30.0
    #: Further tries of a statement that still found the file locked or busy.
    retries: int = 8
    #: Pause before the first retry, doubled before each next one.
    backoff_s: float = 0.05


PARAMS = CacheParams()


def retry_locked(action: Callable[[], T], params: CacheParams = PARAMS) -> T:
    """Run ``action``; when SQLite says the database is locked or busy, wait and try again,
    ``params.retries`` times, before letting the error through."""
    for attempt in range(params.retries + 1):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            message = str(exc).lower()
            if attempt == params.retries or not ("locked" in message or "busy" in message):
                raise
            time.sleep(params.backoff_s * 2 ** attempt)
    raise AssertionError("unreachable")


def cache_key(text: str) -> str:
    """Key of a sentence: NFC, whitespace collapsed, hashed (the text itself is not stored)."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors of one model in ``directory``; ``None`` directory means no cache at all."""

    def __init__(self, directory: str | Path | None, model: str,
                 params: CacheParams = PARAMS) -> None:
        self.model = model
        self.params = params
        self.path = Path(directory) / CACHE_FILE if directory else None
        self.problem: str | None = None
        self.hits = 0
        self.misses = 0

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None or self.problem:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.params.busy_timeout_s)
            # WAL lets readers go on while one process writes; a file system without shared
            # memory (some network mounts) keeps the default journal, which still works.
            retry_locked(lambda: conn.execute("PRAGMA journal_mode=WAL").fetchone(),
                         self.params)
            retry_locked(lambda: conn.execute(_SCHEMA), self.params)
            return conn
        except (OSError, sqlite3.Error) as exc:
            self.problem = f"embedding cache {self.path} not used ({exc})"
            return None

    def lookup(self, texts: Sequence[str], encode: Callable[[list[str]], np.ndarray],
               ) -> np.ndarray:
        """Vectors of ``texts`` (rows in order): cached ones read, the rest encoded and stored."""
        keys = [cache_key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        conn = self._connect()
        if conn is not None:
            try:
                unique = list(dict.fromkeys(keys))
                for k in range(0, len(unique), 500):
                    chunk = unique[k:k + 500]
                    query = (f"SELECT key, vec FROM vectors WHERE model = ? AND key IN "
                             f"({','.join('?' * len(chunk))})")
                    args = [self.model, *chunk]
                    rows = retry_locked(
                        lambda q=query, a=args: conn.execute(q, a).fetchall(),  # type: ignore[misc]
                        self.params)
                    for key, blob in rows:
                        found[key] = np.frombuffer(blob, dtype=np.float32)
            except sqlite3.Error as exc:
                self.problem = f"embedding cache {self.path} not used ({exc})"
                found = {}
        missing = list(dict.fromkeys(
            (k, t) for k, t in zip(keys, texts) if k not in found))
        # Several texts may share a key (whitespace variants): encode each key once.
        todo = dict(missing)
        self.hits += len(keys) - sum(1 for k in keys if k in todo)
        self.misses += len(todo)
        if todo:
            vectors = np.asarray(encode(list(todo.values())), dtype=np.float32)
            fresh = dict(zip(todo, vectors))
            found.update(fresh)
            if conn is not None and not self.problem:
                rows_in = [(self.model, k, v.tobytes()) for k, v in fresh.items()]
                try:
                    retry_locked(lambda: self._insert(conn, rows_in), self.params)
                except sqlite3.Error as exc:
                    self.problem = f"embedding cache {self.path} not written ({exc})"
        if conn is not None:
            conn.close()
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    @staticmethod
    def _insert(conn: sqlite3.Connection, rows: list[tuple[str, str, bytes]]) -> None:
        with conn:  # one transaction: all of this batch or none of it (rolled back to retry)
            conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
