"""The exercise bank: the real bank loads cleanly; broken folders are refused with reasons."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from factories import BANK_DIR, write_exercise

from engine.bank import MIN_HINTS, REQUIRED_FILES, Bank, Exercise, ExerciseError, UnknownExercise, load_exercise

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# -- the real bank ---------------------------------------------------------------------------------


def test_real_bank_loads_without_errors(bank: Bank) -> None:
    assert bank.errors == {}
    assert len(bank) >= 60


def test_real_bank_covers_skills_and_difficulties(bank: Bank) -> None:
    assert len(bank.skills()) >= 10
    assert {e.difficulty for e in bank} == set(range(1, 11))


def test_real_bank_skills_are_in_the_curriculum(bank: Bank) -> None:
    import tomllib

    curriculum = tomllib.loads((BANK_DIR.parent / "curriculum.toml").read_text())
    known = {s["id"] for s in curriculum["skills"]}
    assert set(bank.skills()) <= known


def test_every_real_exercise_is_complete(bank: Bank) -> None:
    problems = []
    for e in bank:
        if len(e.hints) < MIN_HINTS:
            problems.append(f"{e.id}: {len(e.hints)} hints")
        if not e.instructions.strip() or not e.starter.strip() or not e.reference.strip():
            problems.append(f"{e.id}: empty README, starter or reference")
        if not e.test_names:
            problems.append(f"{e.id}: no tests")
        if e.reference.strip() in e.instructions:
            problems.append(f"{e.id}: README contains the reference")
        if any(e.reference.strip() in h for h in e.hints):
            problems.append(f"{e.id}: a hint contains the reference")
    assert problems == []


def test_real_exercise_ids_are_language_slash_slug(bank: Bank) -> None:
    for e in bank:
        language, slug = e.id.split("/")
        assert (language, slug) == (e.language, e.slug) == (e.path.parent.name, e.path.name)
        assert language == "python"
        assert SLUG.match(slug), e.id
        assert e.id in bank
        assert bank.get(e.id) is e


def test_one_real_exercise_in_detail(bank: Bank) -> None:
    e = bank.get("python/apply-n-times")
    assert e.title == "Apply a function n times"
    assert e.skills == ("functions", "loops")
    assert e.difficulty == 3
    assert len(e.hints) >= 3 and all(h.strip() for h in e.hints)
    assert e.time_limit_s is None
    assert e.test_names[0] == "test_add_one_five_times"
    assert e.test_names[-1] == "test_negative_n_raises_value_error"
    assert "def apply_n_times" in e.reference
    assert e.instructions.startswith("# Apply a function n times")


@pytest.mark.parametrize("skill", ["strings", "loops", "recursion", "classes", "generators"])
def test_select_by_skill(bank: Bank, skill: str) -> None:
    chosen = bank.select("python", skill)
    assert chosen, skill
    assert all(skill in e.skills for e in chosen)
    assert {e.id for e in chosen} == {e.id for e in bank if skill in e.skills}
    keys = [(e.difficulty, e.id) for e in chosen]
    assert keys == sorted(keys)  # easiest first


@pytest.mark.parametrize(
    ("language", "skill", "count"),
    [("python", None, "all"), ("python", "no-such-skill", 0), ("rust", None, 0)],
    ids=["all-python", "unknown-skill", "unknown-language"],
)
def test_select_edges(bank: Bank, language: str, skill: str | None, count: object) -> None:
    chosen = bank.select(language, skill)
    assert len(chosen) == (len(bank) if count == "all" else count)


@pytest.mark.parametrize("exercise_id", ["python/no-such-exercise", "apply-n-times", "", "rust/apply-n-times"])
def test_unknown_exercise(bank: Bank, exercise_id: str) -> None:
    assert exercise_id not in bank
    with pytest.raises(UnknownExercise) as caught:
        bank.get(exercise_id)
    assert isinstance(caught.value, KeyError)
    assert str(caught.value) == f"no exercise {exercise_id!r}"


# -- loading one folder -------------------------------------------------------------------------------


def test_load_a_good_folder(make_exercise: Callable[..., Path]) -> None:
    folder = make_exercise("add-two", extra_toml="time_limit_s = 3\n")
    e = load_exercise(folder)
    assert isinstance(e, Exercise)
    assert e.id == "python/add-two"
    assert e.test_names == ("test_small_numbers", "test_negative_numbers", "test_zero")
    assert e.time_limit_s == 3.0
    assert e.hints == ("A nudge.", "A direction.", "Nearly there.")


def test_load_with_an_explicit_language(make_exercise: Callable[..., Path]) -> None:
    assert load_exercise(make_exercise("add-two"), language="py3").id == "py3/add-two"


def test_hints_are_trimmed_and_test_names_deduplicated(make_exercise: Callable[..., Path]) -> None:
    tests = "from solution import add\n\ndef test_b():\n    pass\n\ndef test_a():\n    pass\n\ndef test_b():\n    pass\n"
    e = load_exercise(make_exercise("dupes", hints=["  one ", "two", "three  "], tests=tests))
    assert e.hints == ("one", "two", "three")
    assert e.test_names == ("test_b", "test_a")


def _without(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def _toml(text: str) -> Callable[[Path], None]:
    return lambda folder: (folder / "exercise.toml").write_text(text)


def _tests(text: str) -> Callable[[Path], None]:
    return lambda folder: (folder / "test_exercise.py").write_text(text)


def _meta(**fields: str) -> Callable[[Path], None]:
    base = {"title": '"T"', "skills": '["loops"]', "difficulty": "3", "hints": '["a", "b", "c"]'}
    base.update(fields)
    return _toml("".join(f"{k} = {v}\n" for k, v in base.items() if v is not None and v != "DROP"))


BROKEN = [
    *[(f"missing-{name}", _without(name), f"missing {name}") for name in REQUIRED_FILES],
    ("bad-toml", _toml('title = "unterminated\n'), "exercise.toml"),
    ("toml-not-a-table", _toml("= 3\n"), "exercise.toml"),
    ("no-title", _meta(title="DROP"), "title must be a non-empty string"),
    ("blank-title", _meta(title='"  "'), "title must be a non-empty string"),
    ("title-not-text", _meta(title="3"), "title must be a non-empty string"),
    ("no-skills", _meta(skills="DROP"), "skills must be a non-empty list"),
    ("empty-skills", _meta(skills="[]"), "skills must be a non-empty list"),
    ("skills-a-string", _meta(skills='"loops"'), "skills must be a non-empty list"),
    ("empty-skill-name", _meta(skills='["loops", ""]'), "skills must be a non-empty list"),
    ("difficulty-0", _meta(difficulty="0"), "difficulty must be a whole number from 1 to 10"),
    ("difficulty-11", _meta(difficulty="11"), "difficulty must be a whole number from 1 to 10"),
    ("difficulty-negative", _meta(difficulty="-1"), "difficulty must be a whole number from 1 to 10"),
    ("difficulty-string", _meta(difficulty='"3"'), "difficulty must be a whole number from 1 to 10"),
    ("difficulty-float", _meta(difficulty="2.5"), "difficulty must be a whole number from 1 to 10"),
    ("difficulty-bool", _meta(difficulty="true"), "difficulty must be a whole number from 1 to 10"),
    ("no-difficulty", _meta(difficulty="DROP"), "difficulty must be a whole number from 1 to 10"),
    ("two-hints", _meta(hints='["a", "b"]'), f"hints must be a list of at least {MIN_HINTS}"),
    ("no-hints", _meta(hints="DROP"), f"hints must be a list of at least {MIN_HINTS}"),
    ("blank-hint", _meta(hints='["a", " ", "c"]'), f"hints must be a list of at least {MIN_HINTS}"),
    ("hint-not-text", _meta(hints='["a", "b", 3]'), f"hints must be a list of at least {MIN_HINTS}"),
    ("time-limit-0", _meta(time_limit_s="0"), "time_limit_s must be a number of seconds"),
    ("time-limit-31", _meta(time_limit_s="31"), "time_limit_s must be a number of seconds"),
    ("time-limit-string", _meta(time_limit_s='"5"'), "time_limit_s must be a number of seconds"),
    ("no-tests", _tests("from solution import add\n\ndef helper():\n    pass\n"), "has no test functions"),
    ("empty-test-file", _tests(""), "has no test functions"),
    ("test-file-syntax-error", _tests("def test_x(:\n    pass\n"), "test_exercise.py does not parse"),
    ("tests-only-in-a-class", _tests("class TestAdd:\n    def test_x(self):\n        pass\n"), "no test functions"),
]


@pytest.mark.parametrize(("breakage", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_load_exercise_refuses_a_broken_folder(make_exercise: Callable[..., Path],
                                               breakage: Callable[[Path], None], message: str) -> None:
    folder = make_exercise("broken")
    breakage(folder)
    with pytest.raises(ExerciseError) as caught:
        load_exercise(folder)
    assert message in str(caught.value)
    assert str(folder) in str(caught.value)  # says which folder


def test_every_problem_is_reported_at_once(make_exercise: Callable[..., Path]) -> None:
    folder = make_exercise("broken")
    _meta(title='""', difficulty="0", hints="[]")(folder)
    with pytest.raises(ExerciseError) as caught:
        load_exercise(folder)
    for part in ("title", "difficulty", "hints"):
        assert part in str(caught.value)


def test_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ExerciseError, match="missing exercise.toml"):
        load_exercise(tmp_path / "nothing-here")


@pytest.mark.parametrize("difficulty", [1, 10], ids=["lowest", "highest"])
def test_difficulty_bounds_are_accepted(make_exercise: Callable[..., Path], difficulty: int) -> None:
    assert load_exercise(make_exercise("edge", difficulty=difficulty)).difficulty == difficulty


# -- a bank of folders --------------------------------------------------------------------------------


def test_bank_keeps_errors_and_loads_the_rest(tmp_path: Path, make_exercise: Callable[..., Path]) -> None:
    make_exercise("good-one")
    make_exercise("good-two", skills=["strings", "loops"], difficulty=5)
    make_exercise("bad-difficulty", difficulty=11)
    (tmp_path / "bank" / "python" / "not-an-exercise").mkdir()  # no exercise.toml: not an exercise
    (tmp_path / "bank" / "python" / "notes.txt").write_text("stray file")
    bank = Bank(tmp_path / "bank")
    assert sorted(e.id for e in bank) == ["python/good-one", "python/good-two"]
    assert list(bank.errors) == ["python/bad-difficulty"]
    assert "difficulty" in bank.errors["python/bad-difficulty"]
    assert bank.skills() == ["functions", "loops", "strings"]
    assert [e.id for e in bank.select(skill="loops")] == ["python/good-two"]


def test_bank_of_an_empty_or_missing_folder(tmp_path: Path) -> None:
    for root in (tmp_path, tmp_path / "missing"):
        bank = Bank(root)
        assert len(bank) == 0 and bank.errors == {} and bank.skills() == []


def test_bank_languages_come_from_folders(tmp_path: Path) -> None:
    from factories import ADD_REFERENCE, ADD_TESTS

    write_exercise(tmp_path / "python" / "same-slug", tests=ADD_TESTS, reference=ADD_REFERENCE)
    write_exercise(tmp_path / "python2" / "same-slug", tests=ADD_TESTS, reference=ADD_REFERENCE)
    bank = Bank(tmp_path)
    assert sorted(e.id for e in bank) == ["python/same-slug", "python2/same-slug"]
    assert [e.id for e in bank.select("python2")] == ["python2/same-slug"]
