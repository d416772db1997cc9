"""The memory's speed figure: ``recall`` with many memories stored (``python -m engine bench memory``).

Many learners' memories (100 each by default), written like the ones the app keeps (mistakes,
hints, goals, tutor conversations, on the real bank's exercises and skills), are stored in bulk
into a DuckDB file and a Chroma folder of their own, never the home's. Building embeds every
distinct text with the real model, so the built folder is kept and reused by the next run with
the same sizes. Then ``recall`` (embedding the query, reading the learner's vectors from Chroma,
ranking, reading the rows from DuckDB) is timed for random learners and questions.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from engine import machine
from engine.bank import Bank
from engine.clock import utcnow
from engine.curriculum import Curriculum
from engine.memory import MemoryStore, NewMemory
from engine.store import Store

TARGET_MS = 30.0
VERSION = 1  # bump when the generated memories change, so an old cached folder is rebuilt
QUESTIONS = [
    "Why does my loop stop one item early?", "I keep getting None back from my function",
    "What is a base case in recursion?", "My test fails with a KeyError", "How do I split a string into words?",
    "I am stuck on this exercise", "Why is my answer off by one?", "How should I sort a list of tuples?",
    "What does this error mean?", "How do I avoid modifying the list while looping over it?",
    "Can you explain list comprehensions again?", "I want to prepare for interviews", "Is my approach right?",
    "What did I get wrong last time?", "How do dictionaries count things?", "Why does my recursion never stop?",
]
CASES = ["empty list", "single item", "negative numbers", "zero", "large input", "duplicates", "unicode text",
         "spaces only", "already sorted", "nested lists", "missing key", "mixed case"]
CONVERSATIONS = ["Asked why {title} returns None; found the missing return", "Talked through {skill} on {title}",
                 "Was unsure when to use a while loop on {title}", "Asked for the solution of {title}; was guided "
                 "to write the first test case by hand", "Mixed up = and == on {title}",
                 "Explained their plan for {title} in their own words", "Confused by an IndexError on {title}"]
GOALS = ["Goals: Job interviews", "Goals: Data work, for fun", "Goals: Web development",
         "Goals: School or university. Described as: “pass the algorithms course”", "Goals: For fun"]
BANK_DIR = Path(__file__).resolve().parent.parent / "data" / "bank"
CURRICULUM = Path(__file__).resolve().parent.parent / "data" / "curriculum.toml"


def bench_memory(memories: int = 100_000, learners: int | None = None, runs: int = 200,
                 folder: Path | None = None, progress: Callable[[str, int, int], None] | None = None) -> dict[str, Any]:
    """Build (or reuse) a folder of ``memories`` memories for ``learners`` learners, then time ``recall``."""
    if memories < 1 or runs < 1:
        raise ValueError("--memories and --runs must be at least 1")
    learners = learners or max(1, memories // 100)
    folder = folder or Path(tempfile.gettempdir()) / "workbench-bench" / f"memory-{memories}-{learners}-v{VERSION}"
    built = folder / "complete.json"
    reused = built.exists()
    build_s = None
    if not reused:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        started = time.perf_counter()
        distinct = _build(folder, memories, learners, progress)
        build_s = round(time.perf_counter() - started, 1)
        built.write_text(json.dumps({"memories": memories, "learners": learners, "distinct_texts": distinct,
                                     "build_s": build_s}))
    info = json.loads(built.read_text())
    store = Store(folder / "workbench.duckdb")
    memory = MemoryStore.open(store, folder / "chroma")
    try:
        rng = random.Random(11)
        for _ in range(10):  # warm up: the model's first calls, Chroma's caches
            memory.recall(rng.randrange(1, learners + 1), rng.choice(QUESTIONS))
        recall_ms, embed_ms, hnsw_ms = [], [], []
        for i in range(runs):
            learner, question = rng.randrange(1, learners + 1), rng.choice(QUESTIONS)
            started = time.perf_counter()
            found = memory.recall(learner, question, k=4)
            recall_ms.append((time.perf_counter() - started) * 1000)
            if any(m.user_id != learner for m in found):
                raise RuntimeError("recall returned another learner's memory")
            started = time.perf_counter()
            vector = memory.embedder.embed_one(question)
            embed_ms.append((time.perf_counter() - started) * 1000)
            if i < 50:  # Chroma's own filtered HNSW search, for comparison
                started = time.perf_counter()
                memory.collection.query(query_embeddings=[vector], n_results=4,  # type: ignore[arg-type]
                                        where={"user_id": learner}, include=["distances"])  # type: ignore[list-item]
                hnsw_ms.append((time.perf_counter() - started) * 1000)
            if progress:
                progress("recall", i + 1, runs)
    finally:
        memory.close()
        store.close()
    median = statistics.median(recall_ms)
    return {"memories": info["memories"], "learners": info["learners"], "distinct_texts": info["distinct_texts"],
            "runs": runs, "median_ms": round(median, 1), "p95_ms": round(_p95(recall_ms), 1),
            "embed_median_ms": round(statistics.median(embed_ms), 1),
            "search_median_ms": round(median - statistics.median(embed_ms), 1),
            "hnsw_filtered_median_ms": round(statistics.median(hnsw_ms), 1),
            "target_ms": TARGET_MS, "met": median <= TARGET_MS, "reused": reused,
            "build_s": build_s if build_s is not None else info["build_s"], "folder": str(folder),
            "machine": machine.describe()}


def _build(folder: Path, memories: int, learners: int, progress: Callable[[str, int, int], None] | None) -> int:
    store = Store(folder / "workbench.duckdb")
    memory = MemoryStore.open(store, folder / "chroma")
    try:
        items = list(_memories(memories, learners))
        memory.remember_many(items, progress=progress)
        return len({item.text for item in items})
    finally:
        memory.close()
        store.close()


def _memories(count: int, learners: int) -> Iterator[NewMemory]:
    """``count`` memories spread evenly over ``learners``, in the app's own words."""
    rng = random.Random(7)
    curriculum = Curriculum.load(CURRICULUM)
    exercises = [(e.id, e.title, e.skills[0] if e.skills else "python") for e in Bank(BANK_DIR)]
    now = utcnow()
    for i in range(count):
        user_id = i % learners + 1
        exercise_id, title, skill = rng.choice(exercises)
        where = f"{title} ({curriculum.name(skill)})"
        roll = rng.random()
        if roll < 0.45:
            kind, text = "mistake", (f"Failed {where}: the test “{rng.choice(CASES)}” failed: "
                                     f"expected {rng.randrange(8)}, got {rng.choice(['None', '0', '-1', '[]'])}")
        elif roll < 0.75:
            kind, text = "hint", f"Needed hint {rng.randrange(1, 4)} on {where}"
        elif roll < 0.95:
            kind, text = "exchange", rng.choice(CONVERSATIONS).format(title=title, skill=curriculum.name(skill).lower())
        else:
            kind, text, skill, exercise_id = "goal", rng.choice(GOALS), "", ""
        yield NewMemory(user_id, kind, text, skill or None, exercise_id or None,
                        now - timedelta(minutes=count - i))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]
