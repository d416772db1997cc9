"""The notes' words: a learner's word finds its entry in its plural, with an article or written as
code, and a near miss finds nothing ("setup" is no "set", "keyword argument" no "key"). An
exercise's own skills come first when two notes define a word."""

from __future__ import annotations

import logging

import pytest

from engine.concepts import Concepts, parse
from engine.glossary import Word, parse_word, stem, term_key
from engine.workbench import DATA_DIR

NOTES = Concepts(DATA_DIR / "concepts")


@pytest.mark.parametrize("asked, term", [
    pytest.param("attribute", "attribute", id="singular"),
    pytest.param("attributes", "attribute", id="plural"),
    pytest.param("an iterable", "iterable", id="article"),
    pytest.param("Iterables", "iterable", id="capitalised-plural"),
    pytest.param("dunder methods", "dunder method", id="two-words-plural"),
    pytest.param("dunder", "dunder method", id="short-variant"),
    pytest.param("magic methods", "dunder method", id="other-name"),
    pytest.param("the base cases", "base case", id="article-and-plural"),
    pytest.param("keyword arguments", "keyword argument", id="keyword-argument"),
    pytest.param("keyword-only", "keyword argument", id="hyphenated-variant"),
    pytest.param("f-strings", "f-string", id="hyphen-plural"),
    pytest.param("f string", "f-string", id="hyphen-as-space"),
    pytest.param("*args", "`*args`", id="starred"),
    pytest.param("**kwargs", "`**kwargs`", id="double-starred"),
    pytest.param("kwargs", "`**kwargs`", id="without-stars"),
    pytest.param("`__init__`", "`__init__`", id="as-code"),
    pytest.param("next()", "`next()`", id="call-brackets"),
    pytest.param("indices", "index", id="irregular-plural"),
    pytest.param("dictionary keys", "key", id="dictionary-key"),
    pytest.param("keys", "key", id="keys"),
    pytest.param("sets", "set", id="sets"),
    pytest.param("lambdas", "lambda", id="lambdas"),
    pytest.param("in-place", "in place", id="in-place"),
    pytest.param("lazily", "lazy", id="adverb-variant"),
    pytest.param("ties", "tie-breaker", id="ties"),
    pytest.param("BFS", "breadth-first search", id="abbreviation"),
])
def test_a_word_finds_its_entry(asked, term):
    found = NOTES.definition(asked)
    assert found is not None and found[1].term == term, found


@pytest.mark.parametrize("asked", [
    pytest.param("setup", id="setup-is-no-set"),
    pytest.param("settings", id="settings-are-no-set"),
    pytest.param("keyword", id="keyword-is-no-key"),
    pytest.param("keyboard", id="keyboard-is-no-key"),
    pytest.param("monkey", id="monkey-is-no-key"),
    pytest.param("indexing", id="indexing-is-no-index"),
    pytest.param("attribute error", id="a-longer-phrase"),
    pytest.param("the", id="an-article-alone"),
    pytest.param("frobnicator", id="unknown"),
])
def test_a_near_miss_finds_nothing(asked):
    assert NOTES.definition(asked) is None


def test_keyword_argument_is_not_answered_with_key():
    found = NOTES.definition("keyword argument")
    assert found is not None and found[1].term == "keyword argument" and "key" not in found[1].keys


@pytest.mark.parametrize("skills, note, says", [
    pytest.param(("strings", "loops"), "strings", "character", id="strings-exercise"),
    pytest.param(("lists",), "lists", "item", id="lists-exercise"),
    pytest.param(("loops", "lists"), "lists", "item", id="second-skill"),
])
def test_a_shared_word_comes_from_the_exercises_own_skill(skills, note, says):
    found = NOTES.definition("index", prefer=skills)
    assert found is not None and found[0].skill == note and says in found[1].definition


def test_a_word_crosses_skills():
    found = NOTES.definition("attribute", prefer=("strings", "loops"))
    assert found is not None and found[0].skill == "classes"


@pytest.mark.parametrize("text, key", [
    pytest.param("Dunder Methods", "dunder method", id="case-and-plural"),
    pytest.param("an off-by-one error", "off by one error", id="article-and-hyphens"),
    pytest.param("“dictionaries”", "dictionary", id="quoted"),
    pytest.param("classes", "class", id="classes"),
    pytest.param("bus", "bus", id="not-a-plural"),
])
def test_term_key(text, key):
    assert term_key(text) == key


def test_an_entry_with_variants_is_parsed():
    word = parse_word("**dunder method** (also **dunder**, **magic method**): a method named `__x__`.")
    assert word == Word("dunder method", "a method named `__x__`.", ("dunder", "magic method"))
    assert word.text == "**Dunder method**: a method named `__x__`."
    code = parse_word("**`**kwargs`**: extra keyword arguments.")
    assert code is not None and code.heading == "`**kwargs`" and code.keys == {"kwarg"}


@pytest.mark.parametrize("item", [
    pytest.param("attribute: a name on an object", id="not-bold"),
    pytest.param("**attribute** a name on an object", id="no-colon"),
    pytest.param("**attribute**:", id="no-definition"),
    pytest.param("**...**: dots", id="no-word"),
])
def test_a_malformed_entry_is_not_a_word(item):
    assert parse_word(item) is None


def test_a_malformed_entry_is_skipped_and_the_note_kept(caplog):
    text = "# Title\n## The idea\nAn idea.\n## Words\n- **good**: fine.\n- bad entry\n"
    with caplog.at_level(logging.WARNING):
        note = parse("x", text)
    assert [w.term for w in note.words] == ["good"] and "bad entry" in caplog.text


@pytest.mark.parametrize(("words", "apart"), [
    (("prints", "printing", "printed", "print"), ()),
    (("included", "including", "includes"), ()),
    (("values", "value"), ()),
    (("dictionaries", "dictionary"), ()),
    (("class", "classes"), ()),
    (("keys", "key"), ("kept",)),
    (("sorted", "sorting", "sorts"), ("sort_key",)),
])
def test_forms_of_a_word_share_one_stem_and_other_words_do_not(words, apart):
    """One stem serves the tutor's matching of mistakes to a failure and of questions to an exercise."""
    assert len({stem(w) for w in words}) == 1
    assert not {stem(w) for w in apart} & {stem(words[0])}
