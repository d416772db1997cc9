"""The offline tutor: grounded, Socratic replies without a language model.

It answers from what the workbench knows for sure: the failing test of the learner's latest run
(explained in plain words by ``diagnosis``), the error of a traceback pasted into the message,
the exercise's hint ladder (one rung further each time the learner asks for help, and only
then: a hint is counted), the instructions and the
concept note of the exercise's skill (the idea, an example, a common mistake that matches, a
question to ask yourself when it fits the exercise), the notes' definitions of words ("what is an
attribute?": the definition, then how the instructions use the word) and what it remembers of
the learner ("this came up before", when it is about the same exercise or skill and the same
kind of trouble). It adapts to the learner's level and learning style, does not repeat what it
said in the last replies of the conversation, asks exactly one question per reply (the last
paragraph), and never writes the exercise's code. Teaching from the notes is ``tutor_teaching``;
what the reply is grounded in, and what the last replies said, ``tutor_context``.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine import intents
from engine.bank import Exercise
from engine.concepts import Concept, Concepts
from engine.diagnosis import Diagnosis, diagnose, pasted_error
from engine.glossary import Word
from engine.grader import GradeResult
from engine.intents import Intent
from engine.markdown_text import authored
from engine.tutor_context import TutorContext
from engine.tutor_recall import Remembered, recall
from engine.tutor_teaching import compared, concept_questions, defined, fresh_definition, teach, teach_again, where_it_helps
from engine.tutor_words import IN_INSTRUCTIONS, look_up, word_questions

__all__ = ["OfflineReply", "Remembered", "TutorContext", "gives_hint", "reply"]


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
# asked again: the same refusal word for word reads as a machine's; the learner knows the rule by now
REFUSAL_AGAIN = "Still not the solution, I'm afraid: the next step is yours, and I'll help you take it."
INJECTION_REFUSAL_AGAIN = "That is still not something I can do, however it is asked. Let's get back to your code."
APPROACH_QUESTIONS = ["Before changing anything: can you say in one sentence what your code does, step by step, "
                      "for the smallest example in the instructions?",
                      "Which line of your code decides the result the failing test checks, and what does it do with "
                      "the test's input?"]


def reply(message: str, context: TutorContext, concepts: Concepts, *, injection: bool = False) -> OfflineReply:
    """A grounded reply to ``message``: what went wrong or what was asked, what to think about, one
    question. The next hint comes only when the learner asks for help (or for the answer)."""
    intent = Intent(intents.ANSWER) if injection else intents.recognise(message, context.skills)
    exercise = context.exercise
    diagnosis = diagnose(context.latest, exercise.tests if exercise else "", asked=message)
    topic = intent.topic if intent.topic in context.skills else None
    concept = concepts.get(topic) if topic else None
    if concept is None and exercise is not None:
        concept = next((c for c in map(concepts.get, exercise.skills) if c is not None), None)
    parts: list[str] = []
    hint: int | None = None
    question: str | None = None
    memory = ""

    if injection:
        parts.extend(context.unsaid([INJECTION_REFUSAL]) or [INJECTION_REFUSAL_AGAIN])
    elif intent.kind == intents.ANSWER:
        parts.extend(context.unsaid([REFUSAL]) or [REFUSAL_AGAIN])
    elif intent.kind == intents.THANKS:
        return OfflineReply(("Glad that helped. Run the tests again when you have changed something, and ask "
                             "whenever you get stuck. What will you try next?",), intent.kind)

    comparison = compared(intent, context, concepts)
    if comparison:
        return OfflineReply(tuple(_one_question([*parts, *comparison])), intent.kind)
    word = defined(intent, context, concepts)
    if exercise is None:
        return _without_exercise(parts, intent, concept, context, message, word, concepts)
    latest = context.latest
    passed = latest is not None and latest.passed
    wants_hint = gives_hint(intent, context, injection=injection)
    asks_word = intent.kind == intents.CONCEPT and (not topic or word is not None)
    found = look_up(intent.term, exercise, concepts, word) if asks_word else []

    pasted = _pasted(message, diagnosis)
    if latest is not None and latest.passed and intent.kind != intents.CONCEPT and pasted:
        parts.extend([pasted, f"Your last run passes all {len(latest.tests)} tests, so that error came from running "
                              "your code some other way."])
        question = "What did you run, and with which input, when you got it?"
    elif latest is not None and latest.passed and intent.kind != intents.CONCEPT:
        parts.extend(_passing(latest, context))
        question = context.ask(LOOKING_BACK)
    elif word is not None or found:  # "what is an attribute?": what it means, then how the instructions use it
        quote = found if context.unsaid(found[-1:]) else []  # the quote is said once, its lead-in with it
        parts.extend([*fresh_definition(word, intent.term, context, concepts), *quote])
        # the entry's own word: "attributes" and then "attribute" must not ask the same question twice
        term = word.term.strip("`") if word is not None else intent.term or ""
        question = context.ask(word_questions(term, exercise, quoted=bool(found) and found[0].startswith(IN_INSTRUCTIONS)))
    elif intent.kind == intents.CONCEPT and intent.term and not topic:
        unknown = (f"I can't find “{intent.term}” in the instructions or in my notes on "
                   f"{' or '.join(context.skills.get(s, s) for s in exercise.skills)}.")
        parts.extend(context.unsaid([unknown]) or [  # asked again: say what would help, not the same words
            f"“{intent.term}” is still not a word I know from this exercise or my notes. If it is in a test's "
            "message or an error, paste that message here and I'll explain what it says."])
        question = context.ask(["Where did you come across it: in the instructions, a test's message, or somewhere else?",
                                  "What were you trying to do when you met it?"])
    elif intent.kind == intents.CONCEPT and concept is not None:
        parts.extend(teach_again(concept, context))
        question = context.ask(concept_questions(concept, context, exercise) or [where_it_helps(concept)])
    elif intent.kind == intents.APPROACH:
        parts.append(_progress(latest, diagnosis))
        if diagnosis is not None:
            parts.extend(context.unsaid([diagnosis.explanation]))
        memory = _memory(context, exercise, diagnosis, message)
        question = context.ask(APPROACH_QUESTIONS)
    else:  # stuck, error, answer, other: what went wrong
        if pasted:
            parts.append(pasted)
        if diagnosis is not None:
            failure = _failure(diagnosis, context)
            if not (wants_hint and failure.endswith(AS_SAID)):  # asked for a hint: the hint, not a reminder
                parts.append(failure)
            mistake = concept.matching_mistake(f"{diagnosis.summary} {diagnosis.explanation}", message) if concept else None
            if mistake and context.level <= 7:
                parts.extend(context.unsaid([f"A common slip here: {mistake}"]))
        elif latest is None:
            parts.extend(context.unsaid([NO_RUN]))
        if concept is not None and context.level <= 3 and intent.kind != intents.ERROR:
            parts.extend(context.unsaid(teach(concept, context, full=False)))
        memory = _memory(context, exercise, diagnosis, message)
    if memory:
        parts.append(memory)

    hints = [authored(h) for h in exercise.hints]  # as written: a hint's __init__ is no bold "init" in the reply
    if wants_hint and context.rung >= len(hints) and not context.unsaid([hints[-1]]):
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
        parts.extend(context.unsaid([OFFER]))
    if question is None:
        question = _question(diagnosis, concept, context)
    if question:
        parts.append(question)
    elif parts and not parts[-1].rstrip().endswith("?"):
        parts.append(_question(diagnosis, concept, context))
    return OfflineReply(tuple(_one_question(parts)), intent.kind, hint, used_memory=bool(memory))


def gives_hint(intent: Intent, context: TutorContext, *, injection: bool = False) -> bool:
    """Whether a reply gives the exercise's next hint, counted as a hint used: the learner asks for help
    (or for the answer) with an exercise whose latest run does not pass. The tutor with a language model
    counts the hint it offers the model by the same rule."""
    passed = context.latest is not None and context.latest.passed
    # a solved exercise gives no more hints: the learner has shown they can, and none is counted against them
    return (context.exercise is not None and not passed and not context.solved and not injection
            and (intent.kind in (intents.STUCK, intents.ANSWER) or intent.help))


def _pasted(message: str, diagnosis: Diagnosis | None) -> str | None:
    """The error of a traceback the learner pasted, explained, unless the failing test's is the same
    kind of error (the diagnosis explains that one, with the test's call)."""
    pasted = pasted_error(message)
    explained = pasted.explained() if pasted else None
    if not pasted or not explained or (diagnosis is not None and pasted.kind in diagnosis.summary):
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
        parts.extend(fresh_definition(word, intent.term, context, concepts))
        parts.append(context.ask([f"Where have you met “{term}”: in an exercise, in a test's message, or in code of your own?",
                                    f"Can you write one line of your own that uses “{term}”, and say what it does?"]))
    elif concept is not None and intent.kind in (intents.CONCEPT, "other", intents.STUCK):
        parts.extend(teach_again(concept, context))
        parts.append(context.ask(concept_questions(concept, context) or [where_it_helps(concept)]))
    else:
        used = _memory(context, None, message=message)
        if used:
            parts.append(used)
        parts.append("Open an exercise on the Practice page and ask me about it there, or ask me to explain a "
                     "topic (for example \"explain recursion\"). What are you working on?")
    return OfflineReply(tuple(_one_question(parts)), intent.kind, None)


def _failure(d: Diagnosis, context: TutorContext) -> str:
    """The failing test in a paragraph; a one-line reminder if a recent reply already explained it."""
    if d.kind == "could-not-run":
        full = f"Your last run could not start: {d.explanation}"
        if context.unsaid([full]):
            return full
        return f"Your code still cannot start, {AS_SAID}"
    # said once, not twice: a mismatch's explanation already says what was wanted and what came
    quoted = d.summary and d.kind not in ("not-written", "mismatch") and d.summary not in d.explanation
    head = (f"Your last run fails the test **{d.test}**{f' (the test says: {d.summary})' if quoted else ''}."
            if d.test else "Your last run did not pass.")
    full = f"{head} {d.explanation}"
    if context.unsaid([full]):
        return full
    if d.test:
        return f"Your last run still fails the test **{d.test}**, {AS_SAID}"
    return f"Your last run still does not pass, {AS_SAID}"


AS_SAID = "as I said above."


def _passing(latest: GradeResult, context: TutorContext) -> list[str]:
    """Well done, once: asked again, a reminder that the code still passes, then nothing more (the
    question goes on), so replies in a row do not open with the same paragraph."""
    full = (f"Your last run passes all {len(latest.tests)} tests: well done. "
            + ("You have solved this exercise: on to the next one whenever you like." if context.solved
               else "Submit it when you are ready."))
    return context.unsaid([full]) or context.unsaid([f"Your code still passes all {len(latest.tests)} tests, {AS_SAID}"])


LOOKING_BACK = ["Looking back, which case was the hardest to get right, and why?",
                "If you wrote it again from scratch, what would you do differently?",
                "Which case do the tests not try that you would add a test for, and what should it give?"]


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
    return context.ask([*grounded, *concept_questions(concept, context, context.exercise), SMALLEST])


SMALLEST = "What do you expect your code to return for the smallest example in the instructions?"


def _memory(context: TutorContext, exercise: Exercise | None, diagnosis: Diagnosis | None = None,
            message: str = "") -> str:
    """One relevant memory in a sentence (``engine.tutor_recall``); "" when none is relevant or the
    last replies already recalled it."""
    sentence = recall(context.memories, exercise, diagnosis, message, context.now, context.skills.values())
    return sentence if sentence and context.unsaid([sentence]) else ""


def _one_question(parts: list[str]) -> list[str]:
    """Every paragraph but the last is a statement: a hint or note phrased as a question loses its "?"
    only when it is not the last, so the learner meets one question at a time."""
    out = [p for p in parts if p]
    for i, paragraph in enumerate(out[:-1]):
        if paragraph.rstrip().endswith("?"):
            out[i] = paragraph.rstrip()[:-1] + "."
    return out
