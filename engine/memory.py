"""The learner's memory: short notes the tutor remembers about each learner, and recalls by meaning.

A memory is one remembered thing: a mistake (which skill, which test failed and why), a hint
needed, a goal from the profile, or a summarised exchange with the tutor. Two places hold it:

- DuckDB (table ``memories``) is the record: the text and its fields, read by the Memory page
  and analytics. Chroma never holds the text.
- Chroma (one collection, ``memories``) holds each memory's vector, embedded with
  all-MiniLM-L6-v2, and the learner's ``user_id`` in its metadata. Every read from Chroma is
  filtered by that ``user_id`` and checked again against DuckDB, so a learner's recall never
  returns another's memory.

Forgetting removes both the vector and the row. ``MemoryStore.open`` builds the real thing in a
folder that this process then owns (``engine.lock``: Chroma's local client is not safe across
processes); tests pass their own client and embedder to ``MemoryStore(store, client, embedder)``.

Recall ranks by cosine similarity. A learner's memories are few (hundreds), so recall reads
their vectors by id (the ids from DuckDB) and ranks them exactly, which is both exact and fast;
Chroma's HNSW search filtered by ``user_id`` is used beyond ``exact_limit`` memories. Measured
on 100,000 records (2 busy cores): the filtered HNSW search took about 90 ms for a learner with
100 records and 110 to 350 ms for one with 1,900; reading their vectors by id, 4 ms and 45 ms.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.clock import to_aware_utc, to_naive_utc, utcnow
from engine.events import Event, EventLog
from engine.lock import FolderLock
from engine.store import Store

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.types import Where
    from chromadb.config import Settings as ChromaSettings

    from engine.embedder import Embedder

KINDS = ("exchange", "mistake", "hint", "goal")
KIND_NAMES = {"mistake": "Mistakes", "hint": "Hints needed", "goal": "Goals", "exchange": "Tutor conversations"}
MAX_TEXT = 1000  # memories are short notes; a longer text is cut (the model reads 256 tokens at most)
COLLECTION = "memories"
EXACT_LIMIT = 5000  # up to this many memories, a learner's recall ranks them all exactly
ID_CHUNK = 100  # ids per Chroma read (see MemoryStore._rank_exactly)

_COLUMNS = "id, user_id, kind, text, skill, exercise_id, created_at"


@dataclass(frozen=True)
class Memory:
    """One remembered thing about a learner. ``created_at`` is timezone-aware UTC."""

    id: str
    user_id: int
    kind: str  # "exchange" | "mistake" | "hint" | "goal"
    text: str
    skill: str | None
    exercise_id: str | None
    created_at: datetime


@dataclass(frozen=True)
class NewMemory:
    """A memory to store in bulk with ``MemoryStore.remember_many`` (imports, demo data, benchmarks)."""

    user_id: int
    kind: str
    text: str
    skill: str | None = None
    exercise_id: str | None = None
    at: datetime | None = None


def chroma_settings() -> ChromaSettings:
    """Chroma's settings for the workbench: local only, no telemetry, no reset."""
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def open_client(folder: str | Path) -> ClientAPI:
    """A Chroma PersistentClient on ``folder``. Take the folder's ``FolderLock`` first (``MemoryStore.open`` does)."""
    import chromadb

    return chromadb.PersistentClient(path=str(folder), settings=chroma_settings())


class MemoryStore:
    """Each learner's memories, in ``store`` (the record) and ``client`` (the vectors), embedded by ``embedder``."""

    def __init__(self, store: Store, client: ClientAPI, embedder: Embedder, *,
                 clock: Callable[[], datetime] = utcnow, collection: str = COLLECTION,
                 exact_limit: int = EXACT_LIMIT) -> None:
        self.store = store
        self.client = client
        self.embedder = embedder
        self.events = EventLog(store)
        self._clock = clock
        self.exact_limit = exact_limit
        self.collection = client.get_or_create_collection(
            collection, embedding_function=embedder,  # type: ignore[arg-type]  # Chroma's generic is invariant
            configuration={"hnsw": {"space": "cosine"}})
        self._owned: tuple[ClientAPI, FolderLock] | None = None

    @classmethod
    def open(cls, store: Store, folder: str | Path, *, embedder: Embedder | None = None,
             clock: Callable[[], datetime] = utcnow) -> MemoryStore:
        """The memory whose vectors live in ``folder``, owned by this process until ``close``.
        ``FolderInUse`` names the pid of another process that owns the folder."""
        from engine.embedder import Embedder

        lock = FolderLock.acquire(folder)
        client = None
        try:
            client = open_client(folder)
            memory = cls(store, client, embedder or Embedder(), clock=clock)
        except BaseException:
            if client is not None:
                client.close()  # type: ignore[attr-defined]
            lock.release()
            raise
        memory._owned = (client, lock)
        return memory

    def close(self) -> None:
        """Close the client and give up the folder, if ``open`` made them."""
        if self._owned is not None:
            client, lock = self._owned
            self._owned = None
            client.close()  # type: ignore[attr-defined]  # the Client has it; the ClientAPI protocol does not say so
            lock.release()

    # -- remembering ---------------------------------------------------------------------------

    def remember(self, user_id: int, kind: str, text: str, *, skill: str | None = None,
                 exercise_id: str | None = None, at: datetime | None = None, replace: bool = False) -> Memory:
        """Remember ``text`` about a learner and return the memory.

        The same text of the same kind (and exercise) is remembered once: an earlier copy is
        replaced, so the newest stands. ``replace=True`` also replaces every earlier memory of
        this kind for this exercise (for a goal: every earlier goal), for notes that supersede
        the previous one, like "needed hint 2" after "needed hint 1".
        """
        memory = self._new(user_id, kind, text, skill, exercise_id, at)
        vector = self.embedder.embed_one(memory.text)
        replaced = self._superseded(memory, everything=replace)
        try:  # the add inside: an interrupt as it returns leaves no vector without its row either
            self.collection.add(ids=[memory.id], embeddings=vector[None, :], metadatas=[_metadata(memory)])
            with self.store.transaction():
                self._delete_rows(user_id, replaced)
                self.store.execute(f"INSERT INTO memories ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", _row(memory))
                self.events.append(_remembered(memory, len(replaced)))
        except BaseException:
            self.collection.delete(ids=[memory.id])  # the row is the record: no row, no vector
            raise
        if replaced:
            self.collection.delete(ids=replaced, where={"user_id": user_id})
        return memory

    def remember_many(self, items: Iterable[NewMemory], *,
                      progress: Callable[[str, int, int], None] | None = None) -> int:
        """Remember many memories at once: each distinct text embedded once, in batches, then
        added in Chroma's largest batches and one DuckDB insert. ``progress(stage, done, total)``
        reports the "embedding" and "storing" stages. No replacing of earlier copies here."""
        memories = [self._new(i.user_id, i.kind, i.text, i.skill, i.exercise_id, i.at) for i in items]
        if not memories:
            return 0
        texts = list(dict.fromkeys(m.text for m in memories))
        vectors = self.embedder.embed(texts, progress=(lambda d, t: progress("embedding", d, t)) if progress else None)
        position = {text: i for i, text in enumerate(texts)}
        import polars as pl

        batch = max(1, self.client.get_max_batch_size())
        ids = [m.id for m in memories]
        try:
            for start in range(0, len(memories), batch):
                chunk = memories[start:start + batch]
                self.collection.add(ids=ids[start:start + batch], embeddings=vectors[[position[m.text] for m in chunk]],
                                    metadatas=[_metadata(m) for m in chunk])
                if progress:
                    progress("storing", start + len(chunk), len(memories))
            frame = pl.DataFrame([_row(m) for m in memories], schema=_COLUMNS.split(", "), orient="row")
            with self.store.transaction() as cursor:
                cursor.register("new_memories", frame)
                cursor.execute(f"INSERT INTO memories ({_COLUMNS}) SELECT {_COLUMNS} FROM new_memories")
                cursor.unregister("new_memories")
                self.events.append_many(_remembered(m, 0) for m in memories)
        except BaseException:  # interrupted or failed: no vectors without their rows (missing ids are no error)
            for start in range(0, len(ids), batch):
                self.collection.delete(ids=ids[start:start + batch])
            raise
        return len(memories)

    # -- reading -------------------------------------------------------------------------------

    def recall(self, user_id: int, query: str, k: int = 4) -> list[Memory]:
        """The ``k`` memories of this learner most relevant to ``query``, most relevant first.
        An empty query recalls the newest. Only ever this learner's memories."""
        if k <= 0:
            return []
        query = (query or "").strip()
        if not query:
            return self.all(user_id)[:k]
        ids = [row[0] for row in self.store.all("SELECT id FROM memories WHERE user_id = ?", [user_id])]
        if not ids:
            return []
        vector = self.embedder.embed_one(query)
        if len(ids) <= self.exact_limit:
            ranked = self._rank_exactly(user_id, ids, vector, k)
        else:
            where: Where = {"user_id": user_id}
            result = self.collection.query(query_embeddings=[vector], n_results=k, where=where,  # type: ignore[arg-type]
                                           include=["distances"])  # type: ignore[list-item]
            ranked = result["ids"][0]
        rows = {m.id: m for m in self._select("WHERE user_id = ? AND list_contains(?, id)", [user_id, ranked])}
        return [rows[i] for i in ranked if i in rows]

    def all(self, user_id: int, kind: str | None = None) -> list[Memory]:
        """Every memory of this learner (of one ``kind``, if given), newest first."""
        return list_memories(self.store, user_id, kind)

    def get(self, user_id: int, memory_id: str) -> Memory | None:
        """One memory of this learner, or None (also when it is someone else's)."""
        found = self._select("WHERE user_id = ? AND id = ?", [user_id, memory_id])
        return found[0] if found else None

    def count(self, user_id: int) -> dict[str, int]:
        """How many memories of each kind this learner has (kinds with none are left out)."""
        return dict(self.store.all("SELECT kind, count(*) FROM memories WHERE user_id = ? GROUP BY kind", [user_id]))

    # -- forgetting ----------------------------------------------------------------------------

    def forget(self, user_id: int, memory_id: str) -> bool:
        """Delete one memory of this learner, vector and row. False if there is none of theirs by that id."""
        memory = self.get(user_id, memory_id)
        if memory is None:
            return False
        self.collection.delete(ids=[memory_id], where={"user_id": user_id})
        with self.store.transaction():
            self._delete_rows(user_id, [memory_id])
            self.events.append(Event(user_id, "forgot", memory_id, {"kind": memory.kind, "skill": memory.skill},
                                     {"exercise_id": memory.exercise_id}, self._clock()))
        return True

    def drop_vectors(self, user_ids: list[int]) -> None:
        """Delete the vectors of these learners alone, for rows the store never kept (a rolled-back load)."""
        where: dict[str, Any] = {"user_id": {"$in": user_ids}}
        self.collection.delete(where=where)

    def forget_all(self, user_id: int, *, kind: str | None = None) -> int:
        """Delete every memory of this learner (of one ``kind``, if given); returns how many."""
        ids = [m.id for m in self.all(user_id, kind)]
        where: dict[str, Any] = {"user_id": user_id}
        if kind is None:
            self.collection.delete(where=where)  # also any vector whose row a failure left behind
        else:
            for start in range(0, len(ids), max(1, self.client.get_max_batch_size())):
                self.collection.delete(ids=ids[start:start + self.client.get_max_batch_size()], where=where)
        with self.store.transaction():
            if kind is None:
                self.store.execute("DELETE FROM memories WHERE user_id = ?", [user_id])
            else:
                self.store.execute("DELETE FROM memories WHERE user_id = ? AND kind = ?", [user_id, kind])
            self.events.append(Event(user_id, "forgot", None, {"count": len(ids), "kind": kind or "all"},
                                     occurred_at=self._clock()))
        return len(ids)

    # -- helpers -------------------------------------------------------------------------------

    def _new(self, user_id: int, kind: str, text: str, skill: str | None, exercise_id: str | None,
             at: datetime | None) -> Memory:
        _check_kind(kind)
        text = " ".join(str(text or "").split())
        if not text:
            raise ValueError("nothing to remember: the text is empty")
        if len(text) > MAX_TEXT:
            text = text[:MAX_TEXT - 1].rstrip() + "…"
        if at is not None and at.tzinfo is None:
            raise ValueError("at must be timezone-aware")
        return Memory(uuid.uuid4().hex, int(user_id), kind, text, skill or None, exercise_id or None,
                      to_aware_utc(to_naive_utc(at or self._clock())))

    def _rank_exactly(self, user_id: int, ids: list[str], vector: np.ndarray, k: int) -> list[str]:
        """The ``k`` best of the learner's vectors, read by id. Chroma's ``get`` by ids grows faster
        than linearly with the number of ids (and far faster with a ``where`` added: seconds for
        2,000), so it is read in small chunks and the owner checked here, on each record's metadata."""
        found: list[str] = []
        matrices: list[np.ndarray] = []
        for start in range(0, len(ids), ID_CHUNK):
            got = self.collection.get(ids=ids[start:start + ID_CHUNK],
                                      include=["embeddings", "metadatas"])  # type: ignore[list-item]
            mine = [i for i, meta in enumerate(got["metadatas"] or []) if meta and meta.get("user_id") == user_id]
            if mine:
                found.extend(got["ids"][i] for i in mine)
                matrices.append(np.asarray(got["embeddings"], dtype=np.float32)[mine])
        if not found:
            return []
        scores = np.concatenate(matrices) @ vector
        return [found[i] for i in np.argsort(-scores, kind="stable")[:k]]

    def _superseded(self, memory: Memory, *, everything: bool) -> list[str]:
        condition = "" if everything else " AND text = ?"
        params: list[Any] = [memory.user_id, memory.kind, memory.exercise_id]
        rows = self.store.all("SELECT id FROM memories WHERE user_id = ? AND kind = ? "
                              f"AND exercise_id IS NOT DISTINCT FROM ?{condition}",
                              params + ([] if everything else [memory.text]))
        return [row[0] for row in rows]

    def _delete_rows(self, user_id: int, ids: Sequence[str]) -> None:
        if ids:
            self.store.execute("DELETE FROM memories WHERE user_id = ? AND list_contains(?, id)", [user_id, list(ids)])

    def _select(self, clause: str, params: list[Any]) -> list[Memory]:
        return _select(self.store, clause, params)


def list_memories(store: Store, user_id: int, kind: str | None = None) -> list[Memory]:
    """A learner's memories (of one ``kind``, if given), newest first, from DuckDB alone: for
    pages and analytics, without loading the model or opening Chroma."""
    if kind is not None:
        _check_kind(kind)
        return _select(store, "WHERE user_id = ? AND kind = ? ORDER BY created_at DESC, seq DESC", [user_id, kind])
    return _select(store, "WHERE user_id = ? ORDER BY created_at DESC, seq DESC", [user_id])


def _select(store: Store, clause: str, params: list[Any]) -> list[Memory]:
    rows = store.all(f"SELECT {_COLUMNS} FROM memories {clause}", params)
    return [Memory(r[0], r[1], r[2], r[3], r[4], r[5], to_aware_utc(r[6])) for r in rows]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of memory {kind!r}: one of {', '.join(KINDS)}")


def _metadata(memory: Memory) -> dict[str, str | int]:
    metadata: dict[str, str | int] = {"user_id": memory.user_id, "kind": memory.kind}
    if memory.skill:
        metadata["skill"] = memory.skill
    if memory.exercise_id:
        metadata["exercise_id"] = memory.exercise_id
    return metadata


def _row(memory: Memory) -> tuple[Any, ...]:
    return (memory.id, memory.user_id, memory.kind, memory.text, memory.skill, memory.exercise_id,
            to_naive_utc(memory.created_at))


def _remembered(memory: Memory, replaced: int) -> Event:
    """The log entry: kind, skill and ids, never the text (the log outlives a forgotten memory)."""
    result: dict[str, Any] = {"kind": memory.kind, "skill": memory.skill}
    if replaced:
        result["replaced"] = replaced
    return Event(memory.user_id, "remembered", memory.id, result, {"exercise_id": memory.exercise_id},
                 memory.created_at)
