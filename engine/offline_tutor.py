"""The offline tutor: grounded, Socratic replies without a language model.

It answers from what the workbench knows for sure: the failing test of the learner's latest run
(explained in plain words by ``diagnosis``), the exercise's hint ladder (one rung further each
time the learner asks for help, and only then: a hint is counted), the instructions and the
concept note of the exercise's skill (the idea, an example, a common mistake that matches, a
question to ask yourself when it fits the exercise), the notes' definitions of words ("what is an
attribute?": the definition, then how the instructions use the word) and what it remembers of
the learner ("this came up before", when it is about the same exercise or skill and the same
kind of trouble). It adapts to the learner's level and learning style, does not repeat what it
said in the last replies of the conversation, asks exactly one question per reply (the last
paragraph), and never writes the exercise's code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from engine import intents
from engine.bank import Exercise
from engine.concepts import Concept, Concepts
from engine.diagnosis import Diagnosis, diagnose, explain_error, pasted_error
from engine.glossary import Word, term_key
from engine.grader import GradeResult
from engine.intents import Intent
from engine.markdown_text import authored
from engine.question_fit import fitting_questions
from engine.tutor_compare import compare
from engine.tutor_recall import Remembered, recall
from engine.tutor_words import IN_INSTRUCTIONS, look_up, paragraphs_using, word_questions

__all__ = ["OfflineReply", "Remembered", "TutorContext", "reply"]


@dataclass(frozen=True)
class TutorContext:
    """Everything a reply is grounded in. ``rung``: hints of the ladder the learner has seen;
    ``style``: "examples" | "theory" | "challenges" | None; ``level``: 1..10;
    ``skills``: skill id -> name; ``safe_example``: the concept's example is safe to show here;
    ``said``: the tutor's last replies in this conversation, oldest first (not said again word for word);
    ``solved``: the learner has submitted a passing solution of the exercise already."""

    exercise: Exercise | None
    latest: GradeResult | None
    rung: int = 0
    style: str | None = None
    level: int = 5
    memories: Sequence[Remembered] = ()
    skills: Mapping[str, str] = field(default_factory=dict)
    now: datetime | None = None
    safe_example: bool = True
    said: Sequence[str] = ()
    solved: bool = False


@dataclass(frozen=True)
class OfflineReply:
    """The reply in paragraphs (the last one is the question); ``hint``: the rung given, if any."""

    paragraphs: tuple[str, ...]
    intent: str
    hint: int | None = None
    used_memory: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


REFUSAL = ("I won't write the solution for you: working it out is where the learning happens, and I'd "
           "rather help you get there yourself.")
INJECTION_REFUSAL = ("I can't change how I work or reveal the solution, the reference code or hidden tests. "
                     "I can help you find the answer yourself, though.")


def reply(message: str, context: TutorContext, concepts: Concepts, *, injection: bool = False) -> OfflineReply:
    """A grounded reply to ``message``: what went wrong or what was asked, what to think about, one
    question. The next hint comes only when the learner asks for help (or for the answer)."""
    intent = Intent(intents.ANSWER) if injection else intents.recognise(message, context.skills)
    exercise = context.exercise
    diagnosis = diagnose(context.latest, exercise.tests if exercise else "")
    topic = intent.topic if intent.topic in context.skills else None
    concept = concepts.get(topic) if topic else None
    if concept is None and exercise is not None:
        concept = next((c for c in map(concepts.get, exercise.skills) if c is not None), None)
    parts: list[str] = []
    hint: int | None = None
    question: str | None = None
    memory = ""

    if injection:
        parts.append(INJECTION_REFUSAL)
    elif intent.kind == intents.ANSWER:
        parts.append(REFUSAL)
    elif intent.kind == intents.THANKS:
        return OfflineReply(("Glad that helped. Run the tests again when you have changed something, and ask "
                             "whenever you get stuck. What will you try next?",), intent.kind)

    compared = _compared(intent, context, concepts)
    if compared:
        return OfflineReply(tuple(_one_question([*parts, *compared])), intent.kind)
    word = _defined(intent, context, concepts)
    if exercise is None:
        return _without_exercise(parts, intent, concept, context, message, word, concepts)
    latest = context.latest
    passed = latest is not None and latest.passed
    # a solved exercise gives no more hints: the learner has shown they can, and none is counted against them
    wants_hint = (not passed and not context.solved and not injection
                  and (intent.kind in (intents.STUCK, intents.ANSWER) or intent.help))
    asks_word = intent.kind == intents.CONCEPT and (not topic or word is not None)
    found = look_up(intent.term, exercise, concepts, word) if asks_word else []

    pasted = _pasted(message, diagnosis)
    if latest is not None and latest.passed and intent.kind != intents.CONCEPT and pasted:
        parts.extend([pasted, f"Your last run passes all {len(latest.tests)} tests, so that error came from running "
                              "your code some other way."])
        question = "What did you run, and with which input, when you got it?"
    elif latest is not None and latest.passed and intent.kind != intents.CONCEPT:
        parts.append(f"Your last run passes all {len(latest.tests)} tests: well done. "
                     + ("You have solved this exercise: on to the next one whenever you like." if context.solved
                        else "Submit it when you are ready."))
        question = "Looking back, which case was the hardest to get right, and why?"
    elif word is not None or found:  # "what is an attribute?": what it means, then how the instructions use it
        quote = found if _fresh(context, found[-1:]) else []  # the quote is said once, its lead-in with it
        parts.extend([*_fresh_definition(word, intent.term, context, concepts), *quote])
        # the entry's own word: "attributes" and then "attribute" must not ask the same question twice
        term = word.term.strip("`") if word is not None else intent.term or ""
        question = _ask(context, word_questions(term, exercise, quoted=bool(found) and found[0].startswith(IN_INSTRUCTIONS)))
    elif intent.kind == intents.CONCEPT and intent.term and not topic:
        unknown = (f"I can't find “{intent.term}” in the instructions or in my notes on "
                   f"{' or '.join(context.skills.get(s, s) for s in exercise.skills)}.")
        parts.extend(_fresh(context, [unknown]) or [  # asked again: say what would help, not the same words
            f"“{intent.term}” is still not a word I know from this exercise or my notes. If it is in a test's "
            "message or an error, paste that message here and I'll explain what it says."])
        question = _ask(context, ["Where did you come across it: in the instructions, a test's message, or somewhere else?",
                                  "What were you trying to do when you met it?"])
    elif intent.kind == intents.CONCEPT and concept is not None:
        parts.extend(_teach_again(concept, context))
        question = _ask(context, _concept_questions(concept, context, exercise) or [_where_it_helps(concept)])
    elif intent.kind == intents.APPROACH:
        parts.append(_progress(latest, diagnosis))
        if diagnosis is not None:
            parts.extend(_fresh(context, [diagnosis.explanation]))
        memory = _memory(context, exercise, diagnosis, message)
        question = ("Before changing anything: can you say in one sentence what your code does, step by step, "
                    "for the smallest example in the instructions?")
    else:  # stuck, error, answer, other: what went wrong
        if pasted:
            parts.append(pasted)
        if diagnosis is not None:
            failure = _failure(diagnosis, context)
            if not (wants_hint and failure.endswith(AS_SAID)):  # asked for a hint: the hint, not a reminder
                parts.append(failure)
            mistake = concept.matching_mistake(f"{diagnosis.summary} {diagnosis.explanation}", message) if concept else None
            if mistake and context.level <= 7:
                parts.extend(_fresh(context, [f"A common slip here: {mistake}"]))
        elif latest is None:
            parts.extend(_fresh(context, [NO_RUN]))
        if concept is not None and context.level <= 3 and intent.kind != intents.ERROR:
            parts.extend(_fresh(context, _teach(concept, context, full=False)))
        memory = _memory(context, exercise, diagnosis, message)
    if memory:
        parts.append(memory)

    hints = [authored(h) for h in exercise.hints]  # as written: a hint's __init__ is no bold "init" in the reply
    if wants_hint and context.rung >= len(hints) and not _fresh(context, [hints[-1]]):
        # every hint shown, the last one in a recent reply: point to it rather than paste it again
        parts.append(f"That was my last hint, in my reply above: you have seen all {len(hints)}. "
                     "From here, the failing test is the best guide.")
    elif wants_hint:
        hint = min(context.rung + 1, len(hints))
        text = hints[hint - 1]
        last = " (that is the last hint I have)" if hint == len(hints) else ""
        if context.style == "challenges" and hint > 1:
            parts.append(f"Try once more on your own first; if you want the nudge, here it is{last}: {text}")
        else:
            parts.append(f"Hint {hint} of {len(hints)}{last}: {text}")
        if text.rstrip().endswith("?"):
            question = ""  # the hint is the question
    elif not passed and not context.solved and not found and intent.kind in (intents.ERROR, "other") \
            and context.rung < len(hints):
        parts.extend(_fresh(context, [OFFER]))
    if question is None:
        question = _question(diagnosis, concept, context)
    if question:
        parts.append(question)
    elif parts and not parts[-1].rstrip().endswith("?"):
        parts.append(_question(diagnosis, concept, context))
    return OfflineReply(tuple(_one_question(parts)), intent.kind, hint, used_memory=bool(memory))


def _pasted(message: str, diagnosis: Diagnosis | None) -> str | None:
    """The error of a traceback the learner pasted, explained, unless the failing test's is the same
    kind of error (the diagnosis explains that one, with the test's call)."""
    error = pasted_error(message)
    explained = explain_error(error) if error else None
    if not error or not explained or (diagnosis is not None and error.split(":")[0].split()[0] in diagnosis.summary):
        return None
    return "The error you pasted: " + (explained if explained.startswith("`") else explained[0].lower() + explained[1:])


NO_RUN = ("I haven't seen a run of your code yet: press **Run tests** and I can tell you which test fails and "
          "what it means.")
OFFER = "If you would like a nudge towards the next step, ask me for a hint."


def _without_exercise(parts: list[str], intent: Intent, concept: Concept | None,
                      context: TutorContext, message: str, word: Word | None, concepts: Concepts) -> OfflineReply:
    """The reply when no exercise is open: a word's definition, a topic's note, or an invitation."""
    if word is not None:
        term = word.term.strip("`")
        parts.extend(_fresh_definition(word, intent.term, context, concepts))
        parts.append(_ask(context, [f"Where have you met “{term}”: in an exercise, in a test's message, or in code of your own?",
                                    f"Can you write one line of your own that uses “{term}”, and say what it does?"]))
    elif concept is not None and intent.kind in (intents.CONCEPT, "other", intents.STUCK):
        parts.extend(_teach_again(concept, context))
        parts.append(_ask(context, _concept_questions(concept, context) or [_where_it_helps(concept)]))
    else:
        used = _memory(context, None, message=message)
        if used:
            parts.append(used)
        parts.append("Open an exercise on the Practice page and ask me about it there, or ask me to explain a "
                     "topic (for example \"explain recursion\"). What are you working on?")
    return OfflineReply(tuple(_one_question(parts)), intent.kind, None)


def _compared(intent: Intent, context: TutorContext, concepts: Concepts) -> list[str]:
    """Both sides of a comparison the learner asked for, from the notes, and a question; a pointer
    to the reply that already compared them; [] when it is no comparison or the notes know neither side."""
    if intent.pair is None or intent.kind != intents.CONCEPT:
        return []
    *paragraphs, ask = compare(intent.pair, context.skills, concepts) or [""]
    if not paragraphs:
        return []
    if _fresh(context, paragraphs):
        return [*paragraphs, ask]
    first, second = intent.pair
    return [f"I set “{first}” and “{second}” side by side in my reply above. Trying both on a small example "
            "of your own is the quickest way to see the difference.", ask]


def _teach(concept: Concept, context: TutorContext, *, full: bool) -> list[str]:
    """The concept in the learner's preferred order: example first, idea first, or just the idea
    (always, in passing: ``full`` False; and for those who like challenges, who work examples out
    themselves). "A small example first" is the note's first example, a few lines that fit the
    tutor's column, then the idea and the fuller example. A beginner (level 3 or below, as in
    ``reply``) gets only the small one: the long one buried the plain words."""
    paragraphs = concept.idea.split("\n\n")
    # the whole idea for those who like theory first; two paragraphs (or one, in passing) for the others
    idea = "\n\n".join(paragraphs if full and context.style == "theory" else paragraphs[:2 if full else 1]).strip()
    lead = f"**{concept.name}.** "
    if not full or context.style == "challenges":  # in passing, a long example would bury the diagnosis
        return [lead + idea]
    beginner = context.level <= 3
    small = _code_block(concept.first_example) if context.safe_example else ""
    whole = _code_block(concept.example) if context.safe_example else ""
    if context.style == "examples" and small:
        fuller = ["A fuller example:\n\n" + whole] if whole and not beginner else []
        return [lead + "Here is a small example first.\n\n" + small, idea, *fuller]
    shown = (small if beginner else "") or whole
    return [lead + idea, "For example:\n\n" + shown] if shown else [lead + idea]


def _code_block(code: str) -> str:
    """``code`` as a fenced python block; "" for no code."""
    return f"```python\n{code}\n```" if code else ""


def _teach_again(concept: Concept, context: TutorContext) -> list[str]:
    """The concept in full, or, when a recent reply already taught it, a pointer to that reply."""
    taught = _teach(concept, context, full=True)
    if _fresh(context, taught):
        return taught
    return [f"I went through {concept.name.lower()} in my reply above, with an example. Reading it again "
            "with your own code beside it often shows which part is the sticking point."]


def _concept_questions(concept: Concept | None, context: TutorContext, exercise: Exercise | None = None) -> list[str]:
    """The note's questions that fit ``exercise`` (all of them without one), starting from one that
    moves on with the hint ladder; [] when none does."""
    if concept is None:
        return []
    questions = list(concept.questions) if exercise is None else fitting_questions(concept, exercise, context.skills)
    if not questions:
        return []
    start = context.rung % len(questions)
    return [*questions[start:], *questions[:start]]


def _where_it_helps(concept: Concept) -> str:
    return f"Where in your own code would {concept.name.lower()} help?"


def _failure(d: Diagnosis, context: TutorContext) -> str:
    """The failing test in a paragraph; a one-line reminder if a recent reply already explained it."""
    if d.kind == "could-not-run":
        full = f"Your last run could not start: {d.explanation}"
        if _fresh(context, [full]):
            return full
        return f"Your code still cannot start, {AS_SAID}"
    quoted = d.summary and d.kind != "not-written" and d.summary not in d.explanation  # said once, not twice
    head = (f"Your last run fails the test **{d.test}**{f' (the test says: {d.summary})' if quoted else ''}."
            if d.test else "Your last run did not pass.")
    full = f"{head} {d.explanation}"
    if _fresh(context, [full]):
        return full
    if d.test:
        return f"Your last run still fails the test **{d.test}**, {AS_SAID}"
    return f"Your last run still does not pass, {AS_SAID}"


AS_SAID = "as I said above."


def _fresh(context: TutorContext, paragraphs: Sequence[str]) -> list[str]:
    """The paragraphs that none of the last replies already says word for word (up to a final "?",
    which ``_one_question`` turns into a full stop when the paragraph was not last)."""
    return [p for p in paragraphs if p and not any(p.rstrip().rstrip("?.") in said for said in context.said)]


def _defined(intent: Intent, context: TutorContext, concepts: Concepts) -> Word | None:
    """The notes' definition of the word a concept question asks about ("what are attributes?"),
    preferring the notes of the exercise's skills; None when no note defines it, or when the word
    names a skill ("what is recursion?"): the whole note teaches that."""
    if intent.kind != intents.CONCEPT or not intent.term or intent.pair is not None:
        return None
    key = term_key(intent.term)
    if any(key in (term_key(skill), term_key(name)) for skill, name in context.skills.items()):
        return None
    found = concepts.definition(intent.term, context.exercise.skills if context.exercise else ())
    return found[1] if found else None


def _fresh_definition(word: Word | None, term: str | None, context: TutorContext, concepts: Concepts) -> list[str]:
    """The definition as a paragraph; asked again, a pointer to the reply that gave it and the word
    put another way, by a paragraph of the notes that uses it (if one does and was not said); [] without one."""
    if word is None:
        return []
    if _fresh(context, [word.text]):
        return [word.text]
    pointer = f"I explained “{term or word.term}” in my reply above."
    notes = concepts.in_order(context.exercise.skills if context.exercise else ())
    for name, paragraph in paragraphs_using(word.term.strip("`"), notes):
        if _fresh(context, [paragraph]):
            return [f"{pointer} Put another way, from my notes on {name}:", paragraph]
    return [pointer]


def _progress(latest: GradeResult | None, diagnosis: Diagnosis | None) -> str:
    if latest is None:
        return ("I can't see a run of your code yet. The quickest check of an approach is the tests: press "
                "**Run tests** and tell me what you expected to happen.")
    if latest.passed:
        return f"Your last run passes all {len(latest.tests)} tests, so your approach works. Submit when you're ready."
    total = len(latest.tests)
    passed = latest.tests_passed
    if passed and diagnosis is not None:
        return (f"You're partly there: {passed} of {total} tests pass, so the core idea holds. "
                f"What remains is the case in **{diagnosis.test}**.")
    return f"None of the {total} tests pass yet, so something basic is off before the approach itself."


def _question(diagnosis: Diagnosis | None, concept: Concept | None, context: TutorContext) -> str:
    """The follow-up question: about the failing test when one fails (it fits the exercise by
    construction), else from the concept note; one the last replies did not ask, when there is one."""
    grounded: list[str] = []
    if diagnosis is not None and diagnosis.call and diagnosis.kind == "mismatch":
        grounded += [f"If you run `{diagnosis.call}` yourself and follow your code line by line, where does it "
                     "go a different way from what you expect?",
                     f"Which line of your function is the first to see the input of `{diagnosis.call}`, and what "
                     "should happen there?",
                     f"What should `{diagnosis.call}` give, by the instructions, and what does your code give now?"]
    elif diagnosis is not None and diagnosis.kind == "timeout":
        grounded.append("Which loop in your code could keep going for ever, and what changes on each pass that "
                        "should make it stop?")
    elif diagnosis is not None and diagnosis.kind in ("error", "could-not-run"):
        grounded.append("Which line does the message point to, and what is the value of each name on that line?")
    elif diagnosis is not None and diagnosis.kind == "not-written":
        grounded.append("What is the very first small step your function needs to do?")
    if diagnosis is not None:
        grounded.append(SMALLEST)
    return _ask(context, [*grounded, *_concept_questions(concept, context, context.exercise), SMALLEST])


SMALLEST = "What do you expect your code to return for the smallest example in the instructions?"


def _ask(context: TutorContext, questions: Sequence[str]) -> str:
    """The first of ``questions`` that the last replies did not ask (the first, if they asked them all)."""
    return next((q for q in questions if _fresh(context, [q])), questions[0])


def _memory(context: TutorContext, exercise: Exercise | None, diagnosis: Diagnosis | None = None,
            message: str = "") -> str:
    """One relevant memory in a sentence (``engine.tutor_recall``); "" when none is relevant or the
    last replies already recalled it."""
    sentence = recall(context.memories, exercise, diagnosis, message, context.now, context.skills.values())
    return sentence if sentence and _fresh(context, [sentence]) else ""


def _one_question(parts: list[str]) -> list[str]:
    """Every paragraph but the last is a statement: a hint or note phrased as a question loses its "?"
    only when it is not the last, so the learner meets one question at a time."""
    out = [p for p in parts if p]
    for i, paragraph in enumerate(out[:-1]):
        if paragraph.rstrip().endswith("?"):
            out[i] = paragraph.rstrip()[:-1] + "."
    return out
