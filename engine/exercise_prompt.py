"""The prompt that asks a language model for a new exercise on a skill.

The system message states the format and every rule the sandbox will check afterwards (so a
draft is rarely rejected); the request names the skill, the difficulty to aim at (the learner's
level), the skill's concept note, the titles that exist already and one existing exercise of the
skill as an example of the format.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from engine.bank import Exercise
from engine.concepts import Concept

MAX_EXAMPLE_CHARS = 6000
MAX_TITLES = 40

RULES = """You write programming exercises for a learning workbench: small, self-contained Python tasks (one \
function, or a small class) that a learner solves in a browser and that tests check automatically.
Answer with one exercise as a JSON object with exactly the fields of the schema. Every rule below is checked \
in a sandbox before anyone sees the exercise; a draft that breaks one is thrown away.
- reference: a correct, complete solution. It must pass every test.
- starter: the same signature and docstring as the reference, with a body that only raises \
NotImplementedError. It must fail the tests.
- tests: start with `from solution import <name>`, then 4 to 8 functions `def test_<what>():` using plain \
assert statements whose message says what was expected and what came back. Standard library only. The tests \
must give the same result every time: no random numbers, no clock, no files, no network. The learner's code \
runs in a process of its own: pass it plain values and functions only; what it receives is a copy, so never \
test that an input was left unchanged, nor compare with `is`.
- hints: 3 to 5 hints, from a gentle nudge to a plan in words. A hint never contains the reference's code \
and never gives the whole solution away.
- instructions: markdown for the learner: a '# Title' heading, the task in a few sentences, the signature in \
a ```python block, two or three examples, and details (edge cases, errors to raise). Never the solution.
- skills: ids from the list below, the requested skill first.
- difficulty: a whole number from 1 (easiest) to 10."""


def example_of(exercise: Exercise) -> str:
    """An existing exercise in the draft's JSON shape, to show the format."""
    fields = {"title": exercise.title, "skills": list(exercise.skills), "difficulty": exercise.difficulty,
              "hints": list(exercise.hints), "instructions": exercise.instructions, "starter": exercise.starter,
              "reference": exercise.reference, "tests": exercise.tests}
    return json.dumps(fields, indent=1, ensure_ascii=False)[:MAX_EXAMPLE_CHARS]


def generation_messages(skill: str, skill_name: str, difficulty: int, skills: Sequence[str],
                        concept: Concept | None, existing: Sequence[Exercise]) -> list[tuple[str, str]]:
    """(role, text) messages asking for one new exercise on ``skill`` at ``difficulty``.
    ``existing``: the exercises on the skill already there (their titles are to be avoided; the one
    nearest in difficulty is the example)."""
    system = f"{RULES}\n\nSkill ids: {', '.join(skills)}."
    parts = [f"Write a new exercise on {skill_name} (skill id `{skill}`) at difficulty {difficulty} of 10."]
    if concept is not None:
        parts.append(f"## The idea of {concept.name}\n{concept.idea}")
    if existing:
        titles = "\n".join(f"- {e.title}" for e in existing[:MAX_TITLES])
        parts.append(f"## Exercises on this skill that exist already: write a different task\n{titles}")
        nearest = min(existing, key=lambda e: (abs(e.difficulty - difficulty), e.id))
        parts.append(f"## An existing exercise, as an example of the format only\n```json\n{example_of(nearest)}\n```")
    return [("system", system), ("human", "\n\n".join(parts))]
