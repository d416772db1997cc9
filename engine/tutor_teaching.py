"""The tutor teaching from the concept notes: a topic's idea and examples in the learner's preferred
order and at their level, two topics side by side, a word's definition, the note's questions that
fit the exercise. Each says where a recent reply already taught the same instead of teaching it twice.
"""

from __future__ import annotations

from engine import intents
from engine.bank import Exercise
from engine.concepts import Concept, Concepts
from engine.glossary import Word, term_key
from engine.intents import Intent
from engine.question_fit import fitting_questions
from engine.tutor_compare import compare
from engine.tutor_context import TutorContext
from engine.tutor_words import paragraphs_using


def compared(intent: Intent, context: TutorContext, concepts: Concepts) -> list[str]:
    """Both sides of a comparison the learner asked for, from the notes, and a question; a pointer
    to the reply that already compared them; [] when it is no comparison or the notes know neither side."""
    if intent.pair is None or intent.kind != intents.CONCEPT:
        return []
    *paragraphs, ask = compare(intent.pair, context.skills, concepts) or [""]
    if not paragraphs:
        return []
    if context.unsaid(paragraphs):
        return [*paragraphs, ask]
    first, second = intent.pair
    return [f"I set “{first}” and “{second}” side by side in my reply above. Trying both on a small example "
            "of your own is the quickest way to see the difference.", ask]

def teach(concept: Concept, context: TutorContext, *, full: bool) -> list[str]:
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
    small = code_block(concept.first_example) if context.safe_example else ""
    whole = code_block(concept.example) if context.safe_example else ""
    if context.style == "examples" and small:
        fuller = ["A fuller example:\n\n" + whole] if whole and not beginner else []
        return [lead + "Here is a small example first.\n\n" + small, idea, *fuller]
    shown = (small if beginner else "") or whole
    return [lead + idea, "For example:\n\n" + shown] if shown else [lead + idea]


def code_block(code: str) -> str:
    """``code`` as a fenced python block; "" for no code."""
    return f"```python\n{code}\n```" if code else ""


def teach_again(concept: Concept, context: TutorContext) -> list[str]:
    """The concept in full, or, when a recent reply already taught it, a pointer to that reply."""
    taught = teach(concept, context, full=True)
    if context.unsaid(taught):
        return taught
    return [f"I went through {concept.name.lower()} in my reply above, with an example. Reading it again "
            "with your own code beside it often shows which part is the sticking point."]

def concept_questions(concept: Concept | None, context: TutorContext, exercise: Exercise | None = None) -> list[str]:
    """The note's questions that fit ``exercise`` (all of them without one), starting from one that
    moves on with the hint ladder; [] when none does."""
    if concept is None:
        return []
    questions = list(concept.questions) if exercise is None else fitting_questions(concept, exercise, context.skills)
    if not questions:
        return []
    start = context.rung % len(questions)
    return [*questions[start:], *questions[:start]]


def where_it_helps(concept: Concept) -> str:
    return f"Where in your own code would {concept.name.lower()} help?"

def defined(intent: Intent, context: TutorContext, concepts: Concepts) -> Word | None:
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


def fresh_definition(word: Word | None, term: str | None, context: TutorContext, concepts: Concepts) -> list[str]:
    """The definition as a paragraph; asked again, a pointer to the reply that gave it and the word
    put another way, by a paragraph of the notes that uses it (if one does and was not said); [] without one."""
    if word is None:
        return []
    if context.unsaid([word.text]):
        return [word.text]
    pointer = f"I explained “{term or word.term}” in my reply above."
    notes = concepts.in_order(context.exercise.skills if context.exercise else ())
    for name, paragraph in paragraphs_using(word.term.strip("`"), notes):
        if context.unsaid([paragraph]):
            return [f"{pointer} Put another way, from my notes on {name}:", paragraph]
    return [pointer]
