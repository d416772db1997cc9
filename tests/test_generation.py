"""Exercise generation against a real HTTP server that speaks OpenAI's chat-completions protocol
(tests/llm_server.py), through the real openai and LangChain clients, with every draft verified in
the real sandbox: good drafts are accepted, stored, planned and kept across restarts; bad ones are
rejected with the right reason and kept for review."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from factories import new_learner
from generated_drafts import (
    CLOCK_TESTS,
    GOOD,
    RANDOM_TESTS,
    REFERENCE,
    SOLVING_HINT,
    SOLVING_LAMBDA,
    SOLVING_ONE_LINE,
    STARTER,
    WRONG_REFERENCE,
    coin_tests,
    draft,
)
from llm_server import Reply

from engine import GenerationResult, UnknownSkill, llm
from engine.bank import Bank
from engine.drafts import slugify
from engine.events import Event
from engine.settings import Settings
from engine.store import Store
from engine.unrepeatable import unrepeatable_calls
from engine.verification import leaked_lines, links_out
from engine.workbench import Workbench

NEW_ID = "python/count-the-vowels"


@pytest.fixture
def online(tmp_path, sandbox, bank, server):
    """``online(**settings)``: a Workbench whose chat model is the scripted server's; its store is a
    file in the home, so a second one opened on the same home sees what the first kept."""
    made: list[Workbench] = []

    def make(**overrides) -> Workbench:
        settings = Settings(home=tmp_path / "home", bcrypt_rounds=4, llm_provider="openai-compatible",
                            llm_model="scripted-author", llm_base_url=server.base_url, llm_timeout_s=1.0, **overrides)
        made.append(Workbench(settings, store=Store(settings.home / "workbench.duckdb"), sandbox=sandbox, bank=bank,
                              chat_model=llm.build_chat_model(settings)))
        return made[-1]

    server.requests.clear()
    yield make
    for wb in made:
        wb.close()


def verbs(wb: Workbench, user_id: int) -> list[tuple[str, dict]]:
    return [(e["verb"], e["result"]) for e in wb.events.for_user(user_id) if e["verb"].endswith("-exercise")]


def test_a_good_draft_is_accepted_planned_graded_and_kept_across_a_restart(online, server, bank):
    wb = online()
    learner = new_learner(wb)
    server.script(draft())
    steps: list[str] = []
    result = wb.generate_exercise(learner, "Loops", progress=steps.append)

    assert isinstance(result, GenerationResult) and result.accepted, result
    exercise = result.exercise
    assert (exercise.id, exercise.generated, exercise.skills) == (NEW_ID, True, ("loops", "strings"))
    assert exercise.hints == tuple(GOOD["hints"]) and exercise.starter == STARTER and exercise.reference == REFERENCE
    assert any("twice" in step for step in steps), steps
    folder = wb.settings.home / "generated" / NEW_ID
    assert sorted(p.name for p in folder.iterdir()) == [
        "README.md", "exercise.toml", "reference.py", "starter.py", "test_exercise.py"]

    request = server.requests[-1]
    fmt = request["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    assert set(fmt["json_schema"]["schema"]["required"]) == set(GOOD)
    prompt = request["messages"][1]["content"]
    assert "skill id `loops`" in prompt and "Digit sum" in prompt, "the bank's titles are shown, to be avoided"

    # a bank exercise like any other: listed, planned, graded, and it moves the learner model
    assert exercise in wb.exercises(skill="loops") and NEW_ID not in bank, "the shared bank is left alone"
    planned = [p.exercise.id for p in wb.daily_set(learner, n=len(wb.exercises()))]
    assert NEW_ID in planned
    before = wb.skill_estimate(learner, "loops")
    assert wb.submit(learner, NEW_ID, REFERENCE).passed
    assert wb.skill_estimate(learner, "loops") > before
    assert verbs(wb, learner)[0] == ("generated-exercise", {"skill": "loops", "draft_id": result.draft_id,
                                                            "tokens": 120 + len(draft()) // 4})
    [record] = wb.generated_exercises()
    assert (record.user_id, record.skill, record.status, record.exercise_id, record.draft["title"]) == (
        learner, "loops", "accepted", NEW_ID, "Count the vowels")
    wb.close()

    again = online()
    assert again.exercise(NEW_ID).generated and again.exercise(NEW_ID).title == "Count the vowels"
    assert [r.exercise_id for r in again.generated_exercises()] == [NEW_ID]
    assert not again.exercise("python/digit-sum").generated

    # the same title again, and a bank exercise's title: new folder names, nothing overwritten
    server.script(draft(), draft(title="Digit sum"))
    assert again.generate_exercise(learner, "loops").exercise.id == NEW_ID + "-2"
    assert again.generate_exercise(learner, "loops").exercise.id == "python/digit-sum-2"
    assert again.exercise("python/digit-sum").title == "Digit sum" and not again.exercise("python/digit-sum").generated


REJECTED = [
    pytest.param({"reference": WRONG_REFERENCE}, "reference-fails", "test_a_word: count_vowels(\"banana\"): expected 3, got 4",
                 id="reference-fails"),
    pytest.param({"starter": "def count_vowels(text):\n    return sum(ch in 'aeiou' for ch in text.lower())\n"},
                 "starter-passes", "all 4 tests pass", id="starter-passes"),
    pytest.param({"tests": RANDOM_TESTS}, "flaky", "random.choice()", id="flaky-random"),
    pytest.param({"tests": CLOCK_TESTS}, "flaky", "time.time()", id="flaky-clock"),
    pytest.param({"tests": coin_tests()}, "flaky", "graded twice, the reference gave different results",
                 id="flaky-when-run-twice"),
    pytest.param({"hints": [*GOOD["hints"][:2], f"Here it is:\n```python\n{REFERENCE}```"]}, "leaks-solution",
                 "the hints hold 3 of the reference's 3 lines", id="hint-holds-the-reference"),
    pytest.param({"hints": [*GOOD["hints"][:2], SOLVING_HINT]}, "leaks-solution", "code in the hints passes the tests",
                 id="hint-solves-another-way"),
    pytest.param({"hints": [*GOOD["hints"][:2], f"It is just `{SOLVING_LAMBDA}`"]}, "leaks-solution",
                 f"code in the hints passes the tests: `{SOLVING_LAMBDA}`", id="hint-holds-a-lambda"),
    pytest.param({"hints": [*GOOD["hints"][:2], f"Try this:\n{SOLVING_ONE_LINE}"]}, "leaks-solution",
                 f"code in the hints passes the tests: `{SOLVING_ONE_LINE}`", id="hint-holds-a-one-line-def"),
    pytest.param({"hints": [*GOOD["hints"][:2], f"Like this:\n```python\n@lru_cache\n{SOLVING_ONE_LINE}\n```"]},
                 "leaks-solution", "code in the hints passes the tests: `@lru_cache def count_vowels(text)",
                 id="hint-holds-a-solution-under-a-decorator-never-imported"),
    pytest.param({"instructions": GOOD["instructions"] + f"\nA solution reads `{SOLVING_ONE_LINE}`.\n"}, "leaks-solution",
                 "code in the instructions passes the tests", id="instructions-hold-a-one-line-def"),
    pytest.param({"hints": [*GOOD["hints"][:2], "Like this:\n\n    def count_vowels(text):\n"
                            "        return sum(ch in 'aeiou' for ch in text)\n"]}, "leaks-solution",
                 "code in the hints passes 3 of the 4 tests", id="hint-one-test-short-in-an-indented-block"),
    pytest.param({"hints": [*GOOD["hints"][:2], "In the shell:\n```\n>>> def count_vowels(text):\n"
                            "...     return sum(ch in 'aeiou' for ch in text.lower())\n...\n```"]}, "leaks-solution",
                 "code in the hints passes the tests", id="hint-holds-an-interactive-session"),
    pytest.param({"hints": [*GOOD["hints"][:2], "Not these: " + ", ".join(f"`def count_vowels(text): return {i}`"
                                                                        for i in range(7))]}, "leaks-solution",
                 "comes after 6 other pieces that may define the function", id="hint-with-more-versions-than-are-checked"),
    pytest.param({"starter": STARTER + "\n\n" + REFERENCE.replace("def count_vowels", "def _count")}, "leaks-solution",
                 "the starter code holds 3 of the reference's 3 lines", id="starter-holds-the-reference-as-a-helper"),
    pytest.param({"tests": RANDOM_TESTS.replace("import random", "from random import choice").replace("random.choice",
                                                                                                      "choice")},
                 "flaky", "random.choice()", id="flaky-random-imported-by-name"),
    pytest.param({"instructions": GOOD["instructions"] + "\n![diagram](http://127.0.0.1:9/track.png)\n"}, "links-out",
                 "the instructions load an image", id="instructions-load-an-image"),
    pytest.param({"hints": [*GOOD["hints"][:2], "Read [the guide](https://evil.example/login) first."]}, "links-out",
                 "the hints link out of the app", id="hint-links-out"),
    pytest.param({"hints": GOOD["hints"][:2]}, "invalid", "hints must be a list of at least 3", id="two-hints"),
    pytest.param({"difficulty": 11}, "invalid", "difficulty must be a whole number from 1 to 10", id="difficulty-11"),
    pytest.param({"tests": "def test_nothing():\n    assert True\n"}, "invalid", "never import from the module `solution`",
                 id="tests-ignore-the-solution"),
]


@pytest.mark.parametrize("changes, reason, detail", REJECTED)
def test_a_bad_draft_is_rejected_with_its_reason_and_kept_for_review(online, server, changes, reason, detail):
    wb = online()
    learner = new_learner(wb)
    count = len(wb.exercises())
    server.script(draft(**changes))
    result = wb.generate_exercise(learner, "loops")

    assert not result.accepted and result.exercise is None
    assert (result.reason, detail in result.detail) == (reason, True), result.detail
    assert "was not shown" in result.message and "kept for review" in result.message
    assert len(wb.exercises()) == count and not (wb.settings.home / "generated" / "python").exists()
    [kept] = wb.rejected_drafts()
    assert (kept.id, kept.user_id, kept.skill, kept.reason, kept.detail) == (
        result.draft_id, learner, "loops", reason, result.detail)
    assert kept.draft == {**GOOD, **changes}
    assert verbs(wb, learner) == [("rejected-exercise", {"skill": "loops", "reason": reason, "draft_id": kept.id,
                                                         "tokens": kept.tokens})]
    assert wb.generated_exercises() == []


@pytest.mark.parametrize("answer, detail", [
    pytest.param("Sure! Here is an exercise about loops.", "the answer is not JSON", id="prose"),
    pytest.param(json.dumps({"title": "Half an exercise", "skills": ["loops"]}), "difficulty: field required",
                 id="missing-fields"),
    pytest.param(draft(difficulty="hard"), "difficulty: input should be a valid integer", id="wrong-type"),
    pytest.param(json.dumps([GOOD]), "a JSON list, not an object", id="a-list"),
    pytest.param(draft(title="Count **bold** :red[red] [link](http://evil.example/)"),
                 "title: plain words only, with no markdown", id="markdown-in-the-title"),
])
def test_a_malformed_answer_is_rejected_and_kept(online, server, answer, detail):
    wb = online()
    learner = new_learner(wb)
    server.script(answer)
    result = wb.generate_exercise(learner, "loops")
    assert (result.reason, result.accepted) == ("malformed", False)
    assert detail in result.detail, result.detail
    [kept] = wb.rejected_drafts()
    assert kept.reason == "malformed" and kept.draft == {"raw": answer}


def test_without_a_language_model_it_says_one_is_needed(wb):
    learner = new_learner(wb)
    assert not wb.generation_available
    result = wb.generate_exercise(learner, "loops")
    assert (result.accepted, result.reason) == (False, "no-llm")
    assert "language model" in result.message and "llm_provider" in result.message
    assert wb.rejected_drafts() == [] and verbs(wb, learner) == []


@pytest.mark.parametrize("skill", ["", "quantum", "python/digit-sum"])
def test_an_unknown_skill_is_a_clear_error(wb, skill):
    learner = new_learner(wb)
    with pytest.raises(UnknownSkill, match="unknown skill .*choose one of strings, loops"):
        wb.generate_exercise(learner, skill)


@pytest.mark.parametrize("failure, says", [
    pytest.param(Reply(status=500), "can't be reached", id="server-error"),
    pytest.param(Reply(status=401), "refused this server's key", id="key-refused"),
    pytest.param(Reply("{}", delay_s=1.3), "took too long", id="slow"),
])
def test_a_failing_provider_is_explained_and_nothing_is_kept(online, server, failure, says):
    wb = online()
    learner = new_learner(wb)
    server.script(failure)
    result = wb.generate_exercise(learner, "loops")
    assert (result.accepted, result.reason) == (False, "unavailable")
    assert says in result.message and "try again later" in result.message
    assert wb.rejected_drafts() == [] and verbs(wb, learner) == []


@pytest.mark.parametrize("limits, asked_tutor, says", [
    pytest.param({"tutor_rate_limit_per_minute": 2}, 1, "2 times in the last minute", id="per-minute"),
    pytest.param({"tutor_daily_token_budget": 100}, 0, "today's language-model budget", id="daily-tokens"),
])
def test_the_tutors_per_learner_limits_hold(online, server, limits, asked_tutor, says):
    wb = online(**limits)
    learner = new_learner(wb)
    server.script(*["(not an exercise)"] * 2)  # malformed: cheap, and counted all the same
    for _ in range(asked_tutor):  # a question to the tutor, as the tutor logs it
        wb.events.append(Event(learner, "asked-tutor", None, {"message_chars": 20}))
    first = wb.generate_exercise(learner, "loops")
    assert first.reason == "malformed"
    second = wb.generate_exercise(learner, "loops")
    assert second.reason == "limited" and says in second.message
    assert len(wb.rejected_drafts()) == 1, "a refused request reaches no model and keeps nothing"


def test_two_requests_at_once_count_against_each_other(online, server):
    """Two tabs ask at the same moment: the first holds its place while the model writes, so the
    second is refused rather than both slipping under a limit of one a minute."""
    wb = online(tutor_rate_limit_per_minute=1)
    learner = new_learner(wb)
    server.script(*[Reply("(not an exercise)", delay_s=0.5)] * 2)
    start = threading.Barrier(2)

    def generate() -> GenerationResult:
        start.wait()
        return wb.generate_exercise(learner, "loops")

    with ThreadPoolExecutor(2) as pool:
        reasons = sorted(r.reason for r in pool.map(lambda _: generate(), range(2)))
    assert reasons == ["limited", "malformed"]
    assert len(server.requests) == 1, "the refused request reached no model"


def test_a_question_while_an_exercise_is_written_counts_it(online, server):
    wb = online(tutor_rate_limit_per_minute=1)
    learner = new_learner(wb)
    server.script(Reply("(not an exercise)", delay_s=0.5), "A reply from the model.")
    with ThreadPoolExecutor(1) as pool:
        writing = pool.submit(wb.generate_exercise, learner, "loops")
        while not server.requests and not writing.done():
            time.sleep(0.01)
        reply = wb.ask_tutor(learner, "How do loops end?")
        assert writing.result().reason == "malformed"
    assert "1 time" not in reply and "once in the last minute" in reply
    assert len(server.requests) == 1


def test_the_authored_bank_passes_the_static_checks(bank: Bank):
    """The checks that need no sandbox accept every authored exercise (no false alarms)."""
    for exercise in bank:
        assert leaked_lines(exercise.reference, exercise.starter, exercise.hints, exercise.instructions) == "", exercise.id
        assert unrepeatable_calls(exercise.tests, exercise.reference) == [], exercise.id
        assert links_out(exercise.instructions, exercise.hints) == "", exercise.id


@pytest.mark.parametrize("title,slug", [("Count the vowels", "count-the-vowels"), ("Café crème: 2 ways", "cafe-creme-2-ways"),
                                        ("Ünïcödé 班级 🎓", "unicode"), ("班级", "exercise"), ("", "exercise")])
def test_a_name_from_a_title_folds_accents_and_falls_back_without_letters(title, slug):
    assert slugify(title) == slug
