"""The exercise bank: loads and validates exercise folders (see DESIGN.md, "Exercise format").

``data/bank/<language>/<slug>/`` holds ``exercise.toml``, ``README.md``, ``starter.py``,
``reference.py`` and ``test_exercise.py``. The id of an exercise is ``<language>/<slug>``.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from engine import syntax
from engine.whole_numbers import is_whole

REQUIRED_FILES = ("exercise.toml", "README.md", "starter.py", "reference.py", "test_exercise.py")
MIN_HINTS = 3


class ExerciseError(ValueError):
    """An exercise folder is missing something or says something invalid."""


class UnknownExercise(KeyError):
    """No exercise has this id."""

    def __str__(self) -> str:
        return f"no exercise {self.args[0]!r}"


@dataclass(frozen=True)
class Exercise:
    """One exercise. ``difficulty`` is the authored level, 1 (easiest) to 10."""

    id: str
    title: str
    skills: tuple[str, ...]
    difficulty: int
    hints: tuple[str, ...]
    instructions: str
    starter: str
    tests: str
    path: Path
    time_limit_s: float | None = None
    test_names: tuple[str, ...] = field(default=())
    generated: bool = False  # written by a language model and verified in the sandbox, not authored

    @property
    def language(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def slug(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def reference(self) -> str:
        """The reference solution: for checks only, never shown to learners."""
        return (self.path / "reference.py").read_text(encoding="utf-8")


def load_exercise(folder: Path, language: str | None = None) -> Exercise:
    """Read and validate one exercise folder; ``ExerciseError`` says what is wrong."""
    folder = Path(folder)
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if missing:
        raise ExerciseError(f"{folder}: missing {', '.join(missing)}")
    try:
        meta = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ExerciseError(f"{folder}/exercise.toml: {exc}") from None
    problems = []
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("title must be a non-empty string")
    skills = meta.get("skills")
    if not isinstance(skills, list) or not skills or not all(isinstance(s, str) and s for s in skills):
        problems.append("skills must be a non-empty list of strings")
    difficulty = meta.get("difficulty")
    if not is_whole(difficulty) or not 1 <= difficulty <= 10:
        problems.append("difficulty must be a whole number from 1 to 10")
    hints = meta.get("hints")
    if not isinstance(hints, list) or len(hints) < MIN_HINTS or not all(isinstance(h, str) and h.strip() for h in hints):
        problems.append(f"hints must be a list of at least {MIN_HINTS} non-empty strings")
    time_limit = meta.get("time_limit_s")
    if time_limit is not None and (not isinstance(time_limit, (int, float)) or not 0 < time_limit <= 30):
        problems.append("time_limit_s must be a number of seconds from 0 to 30")
    tests = (folder / "test_exercise.py").read_text(encoding="utf-8")
    try:
        names = tuple(
            node.name for node in syntax.parse(tests).body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test")
        )
    except SyntaxError as exc:
        problems.append(f"test_exercise.py does not parse: {exc}")
        names = ()
    if not names and not problems:
        problems.append("test_exercise.py has no test functions")
    if problems:
        raise ExerciseError(f"{folder}: " + "; ".join(problems))
    language = language or folder.parent.name
    return Exercise(
        id=f"{language}/{folder.name}",
        title=str(title).strip(),
        skills=tuple(skills),  # type: ignore[arg-type]
        difficulty=int(difficulty),  # type: ignore[arg-type]
        hints=tuple(h.strip() for h in hints),  # type: ignore[union-attr]
        instructions=(folder / "README.md").read_text(encoding="utf-8"),
        starter=(folder / "starter.py").read_text(encoding="utf-8"),
        tests=tests,
        path=folder,
        time_limit_s=float(time_limit) if time_limit is not None else None,
        test_names=tuple(dict.fromkeys(names)),
        generated=meta.get("generated") is True,
    )


class Bank:
    """All exercises under a bank folder, loaded once. Invalid folders are kept in ``errors``.
    ``Bank.of(exercises)`` builds one in memory (simulations, benchmarks)."""

    def __init__(self, root: Path | None) -> None:
        self.root = Path(root) if root is not None else None
        self._exercises: dict[str, Exercise] = {}
        self.errors: dict[str, str] = {}
        for folder in sorted(self.root.glob("*/*/")) if self.root else []:
            if not (folder / "exercise.toml").exists():
                continue
            try:
                exercise = load_exercise(folder)
            except ExerciseError as exc:
                self.errors[f"{folder.parent.name}/{folder.name}"] = str(exc)
                continue
            self._exercises[exercise.id] = exercise

    @classmethod
    def of(cls, exercises: Iterable[Exercise]) -> Bank:
        bank = cls(None)
        bank._exercises = {e.id: e for e in exercises}
        return bank

    def add(self, exercise: Exercise) -> None:
        """Add (or replace) one exercise. The mapping is swapped whole rather than changed in
        place, so a reader iterating the bank in another thread never sees it change size."""
        self._exercises = {**self._exercises, exercise.id: exercise}

    def __len__(self) -> int:
        return len(self._exercises)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._exercises.values())

    def get(self, exercise_id: str) -> Exercise:
        try:
            return self._exercises[exercise_id]
        except KeyError:
            raise UnknownExercise(exercise_id) from None

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._exercises

    def select(self, language: str = "python", skill: str | None = None) -> list[Exercise]:
        """Exercises of a language (and skill), easiest first."""
        chosen = [e for e in self._exercises.values()
                  if e.language == language and (skill is None or skill in e.skills)]
        return sorted(chosen, key=lambda e: (e.difficulty, e.id))

    def skills(self) -> list[str]:
        return sorted({s for e in self._exercises.values() for s in e.skills})
