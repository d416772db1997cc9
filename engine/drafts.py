"""Exercise drafts: what a language model is asked to return, and how a draft becomes a folder
in the bank's format (DESIGN.md, "Exercise format").

``DRAFT_SCHEMA`` is the JSON schema sent as the structured-output format; ``parse_draft`` turns
whatever came back into an ``ExerciseDraft`` or says, in a sentence, why it is not one;
``write_folder`` writes a draft as an exercise folder, marked ``generated = true``, which
``bank.load_exercise`` then validates exactly as it validates the authored bank.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

MAX_TEXT = 12_000  # characters in any one field: a bank exercise is far smaller
MAX_HINT = 600
MAX_TITLE = 80
MAX_SLUG = 48
# what markdown would act on in a title, shown in toasts, buttons and lists: emphasis ("**", "_x_", "__init__"),
# code, links, colours (":red[...]"), icons (":fire:", ":material/..."), maths ("$"), strikethrough, html tags,
# a heading or quote at its start, web addresses, line breaks. Plain punctuation stays: "snake_case to
# camelCase", "Parse HH:MM times", "Celsius -> Fahrenheit", "Is a < b?", "C# style".
_TITLE_MARKUP = re.compile(r"[*`$]|(?<!\w)_|_(?!\w)|\]\(|:[\w+-]+[:\[]|:material/|~~|<[a-z/!]|^\s*[#>]|"
                           r"https?://|\bwww\.|[\r\n]", re.I)


class DraftError(ValueError):
    """The model's answer is not an exercise draft; ``str()`` says why."""


class ExerciseDraft(BaseModel):
    """One exercise as the model writes it; the field descriptions are the model's instructions."""

    model_config = ConfigDict(extra="ignore")

    title: str = Field(description="A short title in sentence case, at most 60 characters, in plain words: no "
                                   "markdown, code, emoji or web address.")
    skills: list[str] = Field(description="Skill ids the exercise practises, the requested skill first.")
    difficulty: int = Field(description="How hard it is, a whole number from 1 (easiest) to 10.")
    hints: list[str] = Field(description="3 to 5 hints, from a gentle nudge to a plan in words. Never code, "
                                         "never the solution, no links.")
    instructions: str = Field(description="The README in markdown: a '# Title' heading, the task in a few "
                                          "sentences, the function signature in a python block, examples, details "
                                          "such as edge cases and errors to raise. No images and no links: a web "
                                          "address only inside code.")
    starter: str = Field(description="Python the learner starts from: the signature and a docstring, with a body "
                                     "that does not solve it (raise NotImplementedError). It must fail the tests.")
    reference: str = Field(description="A correct, complete Python solution. It must pass every test.")
    tests: str = Field(description="pytest-style tests: 'from solution import <name>', then 4 to 8 functions "
                                   "'def test_<what>():' with plain assert statements and a message saying what "
                                   "was expected. Standard library only; deterministic: no random numbers, clock, "
                                   "files or network.")


def draft_schema() -> dict[str, Any]:
    """The structured-output format: a strict JSON schema (every field required, nothing else)."""
    schema = ExerciseDraft.model_json_schema()
    for prop in schema["properties"].values():
        prop.pop("title", None)
    schema.pop("title", None)
    schema["additionalProperties"] = False
    return {"name": "exercise_draft", "description": "A programming exercise in the workbench's bank format.",
            "strict": True, "schema": schema}


DRAFT_SCHEMA = draft_schema()


def parse_draft(answer: Any) -> ExerciseDraft:
    """The draft in a model's parsed answer (a dict, or JSON text); ``DraftError`` if it is not one."""
    if isinstance(answer, str):
        try:
            answer = json.loads(answer)
        except json.JSONDecodeError as exc:
            raise DraftError(f"the answer is not JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(answer, dict):
        raise DraftError(f"the answer is a JSON {type(answer).__name__}, not an object with the exercise's fields")
    try:
        draft = ExerciseDraft.model_validate(answer)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg'].lower()}" for e in exc.errors()[:4]]
        raise DraftError("; ".join(problems)) from None
    too_long = [name for name in ("instructions", "starter", "reference", "tests") if len(getattr(draft, name)) > MAX_TEXT]
    if len(draft.title) > MAX_TITLE:
        too_long.append("title")
    if any(len(h) > MAX_HINT for h in draft.hints):
        too_long.append("hints")
    if too_long:
        raise DraftError(f"too long: {', '.join(too_long)}")
    if markup := _TITLE_MARKUP.search(draft.title):
        raise DraftError(f"title: plain words only, with no markdown, code or line break (it has {markup.group()!r})")
    return draft


def slugify(text: str, fallback: str = "exercise") -> str:
    """A folder or file name from a title: lower case words joined by dashes (``fallback`` without any)."""
    # accents folded ("Ünïcödé" is "unicode", not "n-c-d"); letters with no plain form (班级) are left out
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > MAX_SLUG:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or fallback


def unique_slug(title: str, taken: Iterable[str]) -> str:
    """``slugify(title)``, with "-2", "-3"... when the name is already ``taken``."""
    used = set(taken)
    base = slugify(title)
    slug, number = base, 2
    while slug in used:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def exercise_toml(draft: ExerciseDraft, skills: list[str]) -> str:
    """The ``exercise.toml`` of a draft, marked as generated."""
    hints = "".join(f"  {_toml_string(h.strip())},\n" for h in draft.hints)
    return (f"title = {_toml_string(draft.title.strip())}\n"
            f"skills = [{', '.join(_toml_string(s) for s in skills)}]\n"
            f"difficulty = {draft.difficulty}\n"
            f"hints = [\n{hints}]\n"
            "generated = true\n")


def write_folder(draft: ExerciseDraft, folder: Path, skills: list[str]) -> Path:
    """Write the draft as an exercise folder (created if needed) with these ``skills``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "exercise.toml": exercise_toml(draft, skills),
        "README.md": titled(draft.instructions, draft.title),
        "starter.py": _code(draft.starter),
        "reference.py": _code(draft.reference),
        "test_exercise.py": _code(draft.tests),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def titled(instructions: str, title: str) -> str:
    """The README: headed by the title, as everywhere else the exercise is named. A model's own first
    heading gives way to it (a heading of another name, or none, left the page unnamed or named twice)."""
    body = instructions.strip()
    lines = body.split("\n")
    if re.match(r"#\s", lines[0]):
        body = "\n".join(lines[1:]).strip()
    elif len(lines) > 1 and re.fullmatch(r"=+\s*", lines[1]):  # a heading underlined with "="
        body = "\n".join(lines[2:]).strip()
    return f"# {title.strip()}\n\n{body}\n"


def _code(text: str) -> str:
    """Code as a file: models sometimes wrap it in a markdown fence, which is not Python."""
    fenced = re.fullmatch(r"\s*```[a-zA-Z]*\n(.*?)\n?```\s*", text, re.S)
    return (fenced.group(1) if fenced else text).strip("\n") + "\n"
