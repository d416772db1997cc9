"""The learner's memory on a real Chroma in a temporary folder, the real model and a real DuckDB store;
and what the Workbench remembers by itself."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import chromadb
import pytest
from factories import START, Clock, answer_interview, interview_answers, new_learner

from engine.embedder import Embedder
from engine.memory import EXACT_LIMIT, ID_CHUNK, MAX_TEXT, Memory, MemoryStore, NewMemory, chroma_settings
from engine.store import Store
from engine.workbench import Workbench

ADA, GRACE = 1, 2

NOTES = [  # (kind, text, skill, exercise)
    ("mistake", "Failed Digit sum (Loops): the test “empty list” failed: expected 0, got None", "loops",
     "python/digit-sum"),
    ("hint", "Needed hint 2 on Caesar cipher (Strings)", "strings", "python/caesar-cipher"),
    ("goal", "Goals: job interviews. Described as: “get a backend developer job”", None, None),
    ("exchange", "Asked why their recursive function never stops; found the missing base case", "recursion", None),
]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[chromadb.api.ClientAPI]:
    made = chromadb.PersistentClient(path=str(tmp_path / "chroma"), settings=chroma_settings())
    yield made
    made.close()


@pytest.fixture
def memory(store: Store, client, embedder: Embedder, clock: Clock) -> MemoryStore:
    return MemoryStore(store, client, embedder, clock=clock)


def remember_notes(memory: MemoryStore, clock: Clock, user_id: int = ADA) -> list[Memory]:
    made = []
    for kind, text, skill, exercise in NOTES:
        made.append(memory.remember(user_id, kind, text, skill=skill, exercise_id=exercise))
        clock.advance(minutes=1)
    return made


def vectors(memory: MemoryStore, user_id: int | None = None) -> list[str]:
    """The ids Chroma holds (for one learner, if given)."""
    where = {"user_id": user_id} if user_id is not None else None
    return sorted(memory.collection.get(where=where, include=[])["ids"])  # type: ignore[arg-type]


def rows(store: Store, user_id: int) -> list[str]:
    return sorted(r[0] for r in store.all("SELECT id FROM memories WHERE user_id = ?", [user_id]))


# -- remembering and reading ---------------------------------------------------------------------

def test_remember_keeps_the_fields_and_all_lists_newest_first(memory: MemoryStore, clock: Clock) -> None:
    made = remember_notes(memory, clock)
    first = made[0]
    assert (first.user_id, first.kind, first.skill, first.exercise_id) == (ADA, "mistake", "loops", "python/digit-sum")
    assert first.created_at == START
    assert [m.id for m in memory.all(ADA)] == [m.id for m in reversed(made)]
    assert [m.kind for m in memory.all(ADA, "hint")] == ["hint"]
    assert memory.all(GRACE) == []
    assert memory.count(ADA) == {"mistake": 1, "hint": 1, "goal": 1, "exchange": 1}
    assert rows(memory.store, ADA) == vectors(memory, ADA) == sorted(m.id for m in made)


@pytest.mark.parametrize(("query", "expected"), [
    pytest.param("my function returns None when the list is empty", 0, id="mistake"),
    pytest.param("how do I shift letters along the alphabet", 1, id="hint"),
    pytest.param("I am preparing for a job interview", 2, id="goal"),
    pytest.param("the function keeps calling itself forever", 3, id="exchange"),
])
@pytest.mark.parametrize("exact_limit", [pytest.param(EXACT_LIMIT, id="exact"), pytest.param(0, id="hnsw")])
def test_recall_puts_the_most_relevant_memory_first(store: Store, client, embedder: Embedder, clock: Clock,
                                                    query: str, expected: int, exact_limit: int) -> None:
    memory = MemoryStore(store, client, embedder, clock=clock, exact_limit=exact_limit)
    made = remember_notes(memory, clock)
    recalled = memory.recall(ADA, query, k=2)
    assert len(recalled) == 2
    assert recalled[0] == made[expected]


@pytest.mark.parametrize("exact_limit", [pytest.param(EXACT_LIMIT, id="exact"), pytest.param(0, id="hnsw")])
def test_recall_never_returns_another_learners_memory(store: Store, client, embedder: Embedder, clock: Clock,
                                                      exact_limit: int) -> None:
    memory = MemoryStore(store, client, embedder, clock=clock, exact_limit=exact_limit)
    secret = "Struggles with SQL joins and is anxious about a job interview on Friday"
    memory.remember(GRACE, "exchange", secret)
    remember_notes(memory, clock, GRACE)
    mine = memory.remember(ADA, "hint", "Needed hint 1 on Word count (Strings)", skill="strings")
    recalled = memory.recall(ADA, secret, k=10)  # the other learner's memory is the exact match
    assert recalled == [mine]
    assert memory.recall(3, secret) == []  # a learner with no memories at all


def test_recall_k_and_an_empty_query(memory: MemoryStore, clock: Clock) -> None:
    made = remember_notes(memory, clock)
    assert len(memory.recall(ADA, "loops", k=3)) == 3
    assert len(memory.recall(ADA, "loops", k=10)) == 4
    assert memory.recall(ADA, "loops", k=0) == []
    assert memory.recall(ADA, "   ", k=2) == [made[3], made[2]]  # nothing to rank by: the newest


@pytest.mark.parametrize(("kind", "text", "problem"), [
    pytest.param("secret", "a note", "unknown kind", id="unknown-kind"),
    pytest.param("hint", "   ", "empty", id="empty-text"),
])
def test_bad_input_is_refused_with_a_clear_error(memory: MemoryStore, kind: str, text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        memory.remember(ADA, kind, text)
    assert memory.all(ADA) == [] and vectors(memory) == []


def test_a_long_text_is_cut_and_whitespace_tidied(memory: MemoryStore) -> None:
    long = memory.remember(ADA, "exchange", "word " * 1000)
    assert len(long.text) == MAX_TEXT and long.text.endswith("…")
    assert memory.remember(ADA, "hint", "  two\n  lines ").text == "two lines"


def test_the_same_note_is_remembered_once_and_replace_supersedes(memory: MemoryStore, clock: Clock) -> None:
    first = memory.remember(ADA, "mistake", "Failed Digit sum", exercise_id="python/digit-sum")
    clock.advance(minutes=5)
    again = memory.remember(ADA, "mistake", "Failed Digit sum", exercise_id="python/digit-sum")
    other = memory.remember(ADA, "mistake", "Failed Digit sum", exercise_id="python/word-count")
    assert [m.id for m in memory.all(ADA)] == [other.id, again.id]
    assert first.id not in vectors(memory)
    memory.remember(ADA, "hint", "Needed hint 1 on Digit sum", exercise_id="python/digit-sum")
    hint2 = memory.remember(ADA, "hint", "Needed hint 2 on Digit sum", exercise_id="python/digit-sum", replace=True)
    assert memory.all(ADA, "hint") == [hint2]
    assert sorted(vectors(memory, ADA)) == sorted([other.id, again.id, hint2.id])


def test_remember_many_embeds_in_batches_and_stores_everything(memory: MemoryStore, clock: Clock) -> None:
    items = [NewMemory(user_id=10 + i % 2, kind="hint", text=f"Needed hint {i % 3 + 1} on exercise {i % 7}",
                       at=START + timedelta(minutes=i)) for i in range(250)]
    stages: set[str] = set()
    assert memory.remember_many(items, progress=lambda stage, done, total: stages.add(stage)) == 250
    assert stages == {"embedding", "storing"}
    assert len(memory.all(10)) == 125 and len(vectors(memory, 11)) == 125 > ID_CHUNK  # read in several chunks
    assert memory.all(11)[0].created_at == START + timedelta(minutes=249)
    wanted = memory.remember(11, "exchange", "Asked how binary search halves the range", at=START)
    memory.remember(10, "exchange", "Asked how binary search halves the range, twice", at=START)
    recalled = memory.recall(11, "how does binary search halve the range", k=5)
    assert recalled[0] == wanted and all(m.user_id == 11 for m in recalled)


def test_remember_many_stopped_while_storing_leaves_no_vector_without_its_row(memory: MemoryStore) -> None:
    items = [NewMemory(user_id=10, kind="hint", text=f"Needed hint 1 on exercise {i}", at=START) for i in range(30)]

    def interrupt(stage: str, done: int, total: int) -> None:
        if stage == "storing":  # the learner pressed Ctrl+C once the vectors were in
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        memory.remember_many(items, progress=interrupt)
    assert vectors(memory) == [] and rows(memory.store, 10) == []


# -- forgetting --------------------------------------------------------------------------------

def test_forget_deletes_one_memory_in_both_places_and_only_the_owners(memory: MemoryStore, clock: Clock) -> None:
    ada = remember_notes(memory, clock)
    grace = memory.remember(GRACE, "goal", "Goals: data work")
    assert memory.forget(GRACE, ada[0].id) is False  # not hers
    assert memory.forget(ADA, "no-such-memory") is False
    assert memory.forget(ADA, ada[0].id) is True
    assert memory.forget(ADA, ada[0].id) is False  # already gone
    assert ada[0].id not in rows(memory.store, ADA) and ada[0].id not in vectors(memory)
    assert memory.get(ADA, ada[0].id) is None
    assert ada[0] not in memory.recall(ADA, NOTES[0][1], k=4)
    assert vectors(memory, GRACE) == [grace.id]


def test_forget_all_deletes_only_that_learner(memory: MemoryStore, clock: Clock) -> None:
    remember_notes(memory, clock)
    grace = remember_notes(memory, clock, GRACE)
    assert memory.forget_all(ADA, kind="goal") == 1
    assert sorted(memory.count(ADA)) == ["exchange", "hint", "mistake"]
    assert memory.forget_all(ADA) == 3
    assert memory.all(ADA) == [] and vectors(memory, ADA) == [] and rows(memory.store, ADA) == []
    assert memory.forget_all(ADA) == 0
    assert vectors(memory, GRACE) == sorted(m.id for m in grace)


def test_forgetting_lasts_after_reopening_the_folder(tmp_path: Path, embedder: Embedder, clock: Clock) -> None:
    database, folder = tmp_path / "workbench.duckdb", tmp_path / "chroma"

    def reopen() -> tuple[Store, MemoryStore]:
        store = Store(database)
        return store, MemoryStore.open(store, folder, embedder=embedder, clock=clock)

    store, memory = reopen()
    made = remember_notes(memory, clock)
    grace = memory.remember(GRACE, "goal", "Goals: web development")
    memory.forget(ADA, made[1].id)
    memory.close()
    store.close()

    store, memory = reopen()
    assert [m.id for m in memory.all(ADA)] == [made[3].id, made[2].id, made[0].id]
    assert vectors(memory, ADA) == sorted([made[0].id, made[2].id, made[3].id])
    assert memory.recall(ADA, NOTES[1][1], k=4)[0] != made[1]
    assert memory.forget_all(ADA) == 3
    memory.close()
    store.close()

    store, memory = reopen()
    assert memory.all(ADA) == [] and vectors(memory, ADA) == []
    assert vectors(memory) == [grace.id] and memory.all(GRACE)[0].text == "Goals: web development"
    memory.close()
    store.close()


def test_the_text_is_kept_in_duckdb_only_never_in_chroma_or_the_log(tmp_path: Path, memory: MemoryStore) -> None:
    secret = "Confided that they failed an exam last spring"
    made = memory.remember(ADA, "exchange", secret, skill="recursion")
    memory.forget(ADA, made.id)
    other = memory.remember(ADA, "exchange", secret + " and want to retake it")
    memory.forget_all(ADA)
    for path in (tmp_path / "chroma").rglob("*"):
        if path.is_file():
            assert b"Confided" not in path.read_bytes(), path
    events = memory.store.all("SELECT verb, object, result, context FROM events ORDER BY id")
    assert [e[:2] for e in events] == [("remembered", made.id), ("forgot", made.id),
                                       ("remembered", other.id), ("forgot", None)]
    assert json.loads(events[0][2]) == {"kind": "exchange", "skill": "recursion"}
    assert json.loads(events[3][2]) == {"count": 1, "kind": "all"}
    assert "Confided" not in repr(events)


# -- what the Workbench remembers by itself ------------------------------------------------------

EXERCISE = "python/digit-sum"  # skills: loops


def test_a_failed_submission_is_remembered_in_plain_words(wb: Workbench) -> None:
    ada = new_learner(wb)
    wb.submit(ada, EXERCISE, "def digit_sum(n):\n    return 0\n")
    [mistake] = wb.memories(ada)
    assert (mistake.kind, mistake.skill, mistake.exercise_id) == ("mistake", "loops", EXERCISE)
    failure = wb.latest_result(ada, EXERCISE).first_failure()
    assert mistake.text.startswith("Failed Digit sum (Loops): the test “")
    assert failure.name.removeprefix("test_").replace("_", " ") in mistake.text
    assert failure.message.splitlines()[0][:40] in mistake.text
    wb.submit(ada, EXERCISE, "def digit_sum(n):\n    return (\n")
    assert "the code did not run" in wb.memories(ada)[0].text or "crashed" in wb.memories(ada)[0].text
    reference = (wb.exercise(EXERCISE).path / "reference.py").read_text()
    wb.submit(ada, EXERCISE, reference)
    assert len(wb.memories(ada)) == 2  # a pass teaches the tutor nothing to remember


def test_hints_needed_are_remembered_the_latest_replacing_the_earlier(wb: Workbench) -> None:
    ada = new_learner(wb)
    wb.reveal_hint(ada, EXERCISE, "")
    assert [m.text for m in wb.memories(ada)] == ["Needed hint 1 on Digit sum (Loops)"]
    wb.reveal_hint(ada, EXERCISE, "")
    assert [(m.kind, m.text) for m in wb.memories(ada)] == [("hint", "Needed hint 2 on Digit sum (Loops)")]


def test_hints_the_tutor_gave_are_remembered_as_the_pages_are(wb: Workbench) -> None:
    """Only Show a hint's were: a learner who took every hint from the tutor had none under Hints needed."""
    ada = new_learner(wb)
    wb.count_hints(ada, EXERCISE, 2)
    assert [(m.kind, m.text) for m in wb.memories(ada)] == [("hint", "Needed hint 2 on Digit sum (Loops)")]
    wb.count_hints(ada, EXERCISE, 1)  # an older rung counts nothing more, and says nothing more
    assert [m.text for m in wb.memories(ada)] == ["Needed hint 2 on Digit sum (Loops)"]


def test_goals_from_the_profile_are_remembered_and_replaced_when_edited(wb: Workbench) -> None:
    ada = new_learner(wb)
    answer_interview(wb, ada)
    [goal] = wb.memories(ada)
    assert goal.text == "Goals: Job interviews. Described as: “Pass a coding interview.”"
    wb.answer_onboarding(ada, "goals", {"goals": ["data", "fun"], "goal_note": ""})
    assert [(m.kind, m.text) for m in wb.memories(ada)] == [("goal", "Goals: Data work, for fun")]
    wb.answer_onboarding(ada, "goals", {"goals": [], "goal_note": "Automate my weekly reports"})
    assert [m.text for m in wb.memories(ada)] == ["Goal: “Automate my weekly reports”"], "in neutral words"


def test_bulk_results_never_open_the_memory(wb: Workbench) -> None:
    ada = new_learner(wb)
    for passed in (False, True, False):
        wb.record_result(ada, EXERCISE, passed)
    wb.answer_onboarding(ada, "languages", interview_answers(wb.skill_groups())["languages"])
    assert wb._memory is None


def test_a_workbench_that_does_not_remember_never_opens_the_memory(settings, store, sandbox, bank) -> None:
    quiet = Workbench(settings, store=store, sandbox=sandbox, bank=bank, remember=False)  # as simulations build it
    ada = new_learner(quiet)
    answer_interview(quiet, ada)
    quiet.reveal_hint(ada, EXERCISE, "")
    quiet.submit(ada, EXERCISE, "def digit_sum(n):\n    return 0\n")
    assert quiet._memory is None and quiet.memories(ada) == []
    assert quiet.store.scalar("SELECT count(*) FROM events WHERE verb = 'remembered'") == 0


def test_the_facade_lists_and_forgets_only_the_learners_own(wb: Workbench) -> None:
    ada, grace = new_learner(wb, "ada"), new_learner(wb, "grace")
    for learner in (ada, grace):
        wb.reveal_hint(learner, EXERCISE, "")
        wb.memory.remember(learner, "exchange", "Talked about while loops and when they stop")
    [mine, _] = wb.memories(ada)
    assert wb.forget_memory(grace, mine.id) is False
    assert wb.forget_memory(ada, mine.id) is True
    assert [m.kind for m in wb.memories(ada)] == ["hint"]
    assert wb.forget_all_memories(ada) == 1
    assert wb.memories(ada) == [] and len(wb.memories(grace)) == 2
    assert len(wb.memory.recall(grace, "while loops")) == 2


def test_a_memory_that_cannot_open_never_breaks_practice(wb: Workbench, tmp_path: Path) -> None:
    ada = new_learner(wb)
    (wb.settings.home).mkdir(parents=True, exist_ok=True)
    (wb.settings.home / "chroma").write_text("not a folder")  # Chroma cannot open this
    attempt = wb.submit(ada, EXERCISE, "def digit_sum(n):\n    return 0\n")
    assert not attempt.passed and wb.history(ada)[0].status == "fail"
    assert wb.reveal_hint(ada, EXERCISE, "")[0] == 1
