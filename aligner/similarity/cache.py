"""On-disk embedding cache: CI re-runs on a growing corpus encode only the new sentences.

One SQLite file per cache folder, keyed by (model id, normalised sentence). SQLite gives atomic
transactions and safe concurrent writers (two ``align`` runs sharing a cache), and a crash mid-write
leaves the previous state intact. A cache that cannot be opened or written is never fatal: the
run goes on without it and says so once.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

CACHE_FILE = "embeddings.sqlite3"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, key TEXT NOT NULL, "
           "vec BLOB NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID")


def cache_key(text: str) -> str:
    """Key of a sentence: NFC, whitespace collapsed, hashed (the text itself is not stored)."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors of one model in ``directory``; ``None`` directory means no cache at all."""

    def __init__(self, directory: str | Path | None, model: str) -> None:
        self.model = model
        self.path = Path(directory) / CACHE_FILE if directory else None
        self.problem: str | None = None
        self.hits = 0
        self.misses = 0

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None or self.problem:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30)
            conn.execute(_SCHEMA)
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
                    rows = conn.execute(
                        f"SELECT key, vec FROM vectors WHERE model = ? AND key IN "
                        f"({','.join('?' * len(chunk))})", [self.model, *chunk]).fetchall()
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
                try:
                    with conn:  # one transaction: all of this batch or none of it
                        conn.executemany(
                            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                            [(self.model, k, v.tobytes()) for k, v in fresh.items()])
                except sqlite3.Error as exc:
                    self.problem = f"embedding cache {self.path} not written ({exc})"
        if conn is not None:
            conn.close()
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([found[k] for k in keys])
