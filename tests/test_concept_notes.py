"""Concept notes (data/concepts/<skill>.md): one per skill of the curriculum, in the exact format the
offline tutor parses, with a first example short and narrow enough for the tutor's column that
prints what its comments say, an example that compiles and runs, words defined once across the
notes, and nothing copied from the bank's reference solutions."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tokenize
import tomllib
from pathlib import Path

import pytest

from engine.concepts import FIRST_EXAMPLE_WIDTH, Concepts, parse, prose_sentences
from engine.glossary import parse_word

DATA = Path(__file__).resolve().parents[1] / "data"
CONCEPTS = DATA / "concepts"
BANK = DATA / "bank" / "python"

SECTIONS = ["The idea", "First example", "Example", "Common mistakes", "Questions to ask yourself", "Words"]
IDEA_PARAGRAPHS = (2, 4)
MISTAKES = (4, 7)
QUESTIONS = (4, 6)
WORDS = (6, 18)
DEFINITION_SENTENCES = 2
DEFINITION_CHARS = 240
# the same word means the same thing in two notes, each with its own example: a string's index is a
# list's index; the tutor gives the entry of the exercise's own skill
SHARED_WORDS = {"index": {"strings", "lists"}, "position": {"strings", "lists"}, "slice": {"strings", "lists"}}
EXAMPLE_TIMEOUT_S = 10
# a first example fits the tutor's column beside the exercise: FIRST_EXAMPLE_WIDTH characters a line,
# FIRST_EXAMPLE_CODE lines of code (blank lines and output comments on a line of their own not
# counted), FIRST_EXAMPLE_LINES lines in all
FIRST_EXAMPLE_CODE = 8
FIRST_EXAMPLE_LINES = 10
OUTPUT = "# -> "  # a comment that says what the line above or beside it prints, one printed line each
MIN_SOLUTION_LINE = 25  # shorter reference lines are too generic to count as copied

SKILLS: list[dict] = tomllib.loads((DATA / "curriculum.toml").read_text(encoding="utf-8"))["skills"]
SKILL_IDS = [skill["id"] for skill in SKILLS]
SKILL_NAMES = {skill["id"]: skill["name"] for skill in SKILLS}

EXAMPLE_BLOCK = re.compile(r"```python\n(?P<code>.*?)\n```", re.DOTALL)
MISTAKE_BULLET = re.compile(r"- \*\*[^*]+\*\*: \S.*")
QUESTION_BULLET = re.compile(r"- \S.*\?")
SKIPPED_STATEMENT = re.compile(r"(async\s+def|def|import|from)\s")


# -- helpers ------------------------------------------------------------------------------------------


def note_path(skill: str) -> Path:
    return CONCEPTS / f"{skill}.md"


def read_note(skill: str) -> str:
    path = note_path(skill)
    if not path.is_file():
        pytest.fail(f"missing concept note {path.relative_to(DATA.parent)}")
    return path.read_text(encoding="utf-8")


def split_note(text: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """(first line, lines before the first section, [(section heading, section body)]).
    Lines inside fenced code blocks are never taken for headings."""
    lines = text.splitlines()
    title, rest = (lines[0] if lines else ""), lines[1:]
    preamble: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    in_fence = False
    for line in rest:
        if line.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and line.startswith("## "):
            sections.append((line[3:].strip(), []))
            continue
        (sections[-1][1] if sections else preamble).append(line)
    return title, preamble, [(heading, "\n".join(body).strip()) for heading, body in sections]


def section(skill: str, heading: str) -> str:
    _, _, sections = split_note(read_note(skill))
    bodies = [body for name, body in sections if name == heading]
    assert len(bodies) == 1, f"{skill}: expected one '## {heading}' section, found {len(bodies)}"
    return bodies[0]


def example_code(skill: str) -> str:
    body = section(skill, "Example")
    match = EXAMPLE_BLOCK.fullmatch(body)
    assert match, f"{skill}: the Example section must be exactly one fenced ```python block"
    return match.group("code")


def first_example_code(skill: str) -> str:
    body = section(skill, "First example")
    match = EXAMPLE_BLOCK.fullmatch(body)
    assert match, f"{skill}: the First example section must be exactly one fenced ```python block"
    return match.group("code")


def said_outputs(code: str) -> list[str]:
    """What the ``# -> `` comments of ``code`` say it prints, in order: one printed line each."""
    comments = [token.string for token in tokenize.generate_tokens(io.StringIO(code).readline)
                if token.type == tokenize.COMMENT]
    return [comment.removeprefix(OUTPUT) for comment in comments if comment.startswith(OUTPUT)]


def solution_lines(source: str) -> list[str]:
    """The non-trivial lines of a reference solution, stripped: not blank, not comments, at least
    MIN_SOLUTION_LINE characters, not a `def`/`import`/`from` line. A `return` line is skipped unless
    the returned expression alone is that long (a whole one-line solution still counts)."""
    kept = []
    for raw in source.splitlines():
        line = raw.strip()
        if len(line) < MIN_SOLUTION_LINE or line.startswith("#") or SKIPPED_STATEMENT.match(line):
            continue
        if re.match(r"return\b", line) and len(line[len("return"):].strip()) < MIN_SOLUTION_LINE:
            continue
        kept.append(line)
    return kept


REFERENCE_LINES: dict[str, list[str]] = {
    path.parent.name: solution_lines(path.read_text(encoding="utf-8")) for path in sorted(BANK.glob("*/reference.py"))
}
NOTES = Concepts(CONCEPTS)


# -- the curriculum and the folder --------------------------------------------------------------------


def test_curriculum_has_skills_and_bank_has_references() -> None:
    assert SKILL_IDS, "no [[skills]] in data/curriculum.toml"
    assert len(set(SKILL_IDS)) == len(SKILL_IDS), "duplicate skill ids in the curriculum"
    assert REFERENCE_LINES, "no reference.py found under data/bank/python"
    assert any(REFERENCE_LINES.values()), "no reference solution has a non-trivial line"


def test_every_note_belongs_to_a_skill() -> None:
    stray = sorted(p.stem for p in CONCEPTS.glob("*.md") if p.stem not in SKILL_NAMES)
    assert stray == [], f"concept notes without a curriculum skill: {stray}"


# -- one note per skill ----------------------------------------------------------------------------------


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_note_exists(skill: str) -> None:
    assert note_path(skill).is_file(), f"missing data/concepts/{skill}.md"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_title_is_the_skill_name(skill: str) -> None:
    title, preamble, _ = split_note(read_note(skill))
    assert title == f"# {SKILL_NAMES[skill]}"
    assert all(not line.strip() for line in preamble), f"{skill}: text between the title and '## The idea'"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_sections_in_order(skill: str) -> None:
    text = read_note(skill)
    _, _, sections = split_note(text)
    assert [heading for heading, _ in sections] == SECTIONS
    assert all(body for _, body in sections), f"{skill}: an empty section"
    outside_code = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    assert len(re.findall(r"^# ", outside_code, flags=re.MULTILINE)) == 1, f"{skill}: more than one '# ' title"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_idea_has_two_to_four_paragraphs(skill: str) -> None:
    paragraphs = [p for p in re.split(r"\n\s*\n", section(skill, "The idea")) if p.strip()]
    low, high = IDEA_PARAGRAPHS
    assert low <= len(paragraphs) <= high, f"{skill}: {len(paragraphs)} paragraphs in The idea"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_example_compiles(skill: str) -> None:
    compile(example_code(skill), f"data/concepts/{skill}.md (Example)", "exec")


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_example_runs(skill: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", example_code(skill)],
        cwd=tmp_path, capture_output=True, text=True, timeout=EXAMPLE_TIMEOUT_S,
    )
    assert result.returncode == 0, f"{skill}: the example failed:\n{result.stderr}"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_first_example_fits_the_tutors_column(skill: str) -> None:
    lines = first_example_code(skill).splitlines()
    wide = [line for line in lines if len(line) > FIRST_EXAMPLE_WIDTH]
    assert wide == [], f"{skill}: first example lines over {FIRST_EXAMPLE_WIDTH} characters: {wide}"
    code = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert len(code) <= FIRST_EXAMPLE_CODE, f"{skill}: {len(code)} lines of code in the first example"
    assert len(lines) <= FIRST_EXAMPLE_LINES, f"{skill}: {len(lines)} lines in the first example"
    assert "\t" not in "".join(lines) and all(line.isascii() for line in lines), f"{skill}: tabs or wide characters"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_first_example_uses_only_the_basics(skill: str) -> None:
    """Nothing to import: a first example shows the idea itself, not the library around it."""
    code = first_example_code(skill)
    assert not re.search(r"^\s*(import|from)\s", code, flags=re.MULTILINE), f"{skill}: an import in the first example"
    assert len(code) < len(example_code(skill)), f"{skill}: the first example is no shorter than the full one"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_first_example_prints_what_its_comments_say(skill: str, tmp_path: Path) -> None:
    code = first_example_code(skill)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=EXAMPLE_TIMEOUT_S,
    )
    assert result.returncode == 0, f"{skill}: the first example failed:\n{result.stderr}"
    said = said_outputs(code)
    assert said, f"{skill}: the first example says nothing of what it prints ('{OUTPUT}...' comments)"
    assert result.stdout.splitlines() == said, f"{skill}: the first example prints other lines than its comments say"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_first_example_is_what_the_tutor_reads(skill: str) -> None:
    note = NOTES.get(skill)
    assert note is not None and note.first_example == first_example_code(skill)
    assert note.example == example_code(skill), f"{skill}: the full example is read from its own section"


def test_a_note_without_a_first_example_still_parses() -> None:
    """As with every section but the idea: a note written before first examples existed still teaches."""
    note = parse("loops", "# Loops\n\n## The idea\nRepeat things.\n\n## Example\n```python\nprint(1)\n```\n")
    assert (note.first_example, note.example) == ("", "print(1)")
    bare = parse("loops", "# Loops\n\n## The idea\nRepeat things.\n")
    assert (bare.first_example, bare.example, bare.mistakes) == ("", "", ())


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_common_mistakes_are_labelled_bullets(skill: str) -> None:
    lines = [line for line in section(skill, "Common mistakes").splitlines() if line.strip()]
    bad = [line for line in lines if not MISTAKE_BULLET.fullmatch(line)]
    assert bad == [], f"{skill}: not '- **label**: text' bullets: {bad}"
    low, high = MISTAKES
    assert low <= len(lines) <= high, f"{skill}: {len(lines)} common mistakes"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_questions_are_question_bullets(skill: str) -> None:
    lines = [line for line in section(skill, "Questions to ask yourself").splitlines() if line.strip()]
    bad = [line for line in lines if not QUESTION_BULLET.fullmatch(line)]
    assert bad == [], f"{skill}: not '- ...?' bullets: {bad}"
    low, high = QUESTIONS
    assert low <= len(lines) <= high, f"{skill}: {len(lines)} questions"


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_note_contains_no_reference_solution(skill: str) -> None:
    text = read_note(skill)
    copied = [f"{exercise}: {line}" for exercise, lines in REFERENCE_LINES.items() for line in lines if line in text]
    assert copied == [], f"{skill}: lines of reference solutions found in the note:\n" + "\n".join(copied)


# -- words ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_every_word_is_a_short_entry(skill: str) -> None:
    lines = [line for line in section(skill, "Words").splitlines() if line.strip()]
    bad = [line for line in lines if not line.startswith("- ") or parse_word(line[2:]) is None]
    assert bad == [], f"{skill}: not '- **term** (also **variant**): definition' bullets: {bad}"
    low, high = WORDS
    assert low <= len(lines) <= high, f"{skill}: {len(lines)} words"
    note = NOTES.get(skill)
    assert note is not None and len(note.words) == len(lines), f"{skill}: the parser dropped a word"
    long = [w.term for w in note.words
            if len(prose_sentences(w.definition)) > DEFINITION_SENTENCES or len(w.definition) > DEFINITION_CHARS]
    assert long == [], f"{skill}: definitions longer than two short sentences: {long}"


def test_each_word_is_defined_in_one_note_or_deliberately_shared() -> None:
    notes_of: dict[str, set[str]] = {}
    for skill in SKILL_IDS:
        note = NOTES.get(skill)
        assert note is not None
        for word in note.words:
            for key in word.keys:
                notes_of.setdefault(key, set()).add(skill)
    shared = {key: skills for key, skills in notes_of.items() if len(skills) > 1}
    assert shared == SHARED_WORDS


@pytest.mark.parametrize("skill", SKILL_IDS, ids=SKILL_IDS)
def test_every_word_finds_its_own_entry(skill: str) -> None:
    note = NOTES.get(skill)
    assert note is not None
    for word in note.words:
        for name in (word.term, *word.variants):
            found = NOTES.definition(name, prefer=(skill,))
            assert found is not None and found[1] == word, f"{skill}: “{name}” finds {found and found[1].term}"
