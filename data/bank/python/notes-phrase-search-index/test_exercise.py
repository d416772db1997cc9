from solution import build_index, phrase_search


def notes():
    """The notes of the README's example."""
    return {
        "groceries": "Buy milk and eggs and more milk",
        "todo": "call mom and buy milk",
        "ideas": "milk and honey bakery",
    }


def test_index_positions():
    index = build_index(notes())
    for word, expected in [("milk", {"groceries": [1, 6], "todo": [4], "ideas": [0]}),
                           ("and", {"groceries": [2, 4], "todo": [2], "ideas": [1]})]:
        got = index.get(word)
        assert got == expected, f"build_index(example notes)[{word!r}]: expected {expected!r}, got {got!r}"


def test_index_has_every_word_and_only_notes_containing_it():
    index = build_index(notes())
    got = sorted(index)
    expected = ["and", "bakery", "buy", "call", "eggs", "honey", "milk", "mom", "more"]
    assert got == expected, f"build_index(example notes): expected the words {expected!r}, got {got!r}"
    got = index["honey"]
    expected = {"ideas": [2]}
    assert got == expected, (
        f"build_index(example notes)['honey']: expected {expected!r} (only the notes containing the word), got {got!r}"
    )


def test_index_lowercases_and_splits_on_any_whitespace():
    text = "Milk\tmilk\n  MILK, milk"
    got = build_index({"n": text})
    expected = {"milk": {"n": [0, 1, 3]}, "milk,": {"n": [2]}}
    assert got == expected, f"build_index({{'n': {text!r}}}): expected {expected!r}, got {got!r}"


def test_empty_notes_give_an_empty_index():
    got = build_index({})
    assert got == {}, f"build_index({{}}): expected {{}}, got {got!r}"
    got = build_index({"blank": "   ", "empty": ""})
    assert got == {}, f"build_index({{'blank': '   ', 'empty': ''}}): expected {{}}, got {got!r}"


def test_two_word_phrases_in_order():
    index = build_index(notes())
    for phrase, expected in [("buy milk", ["groceries", "todo"]), ("milk and", ["groceries", "ideas"]),
                             ("and milk", [])]:
        got = phrase_search(index, phrase)
        assert got == expected, f"phrase_search(index of the example notes, {phrase!r}): expected {expected!r}, got {got!r}"


def test_single_word_is_case_insensitive_and_sorted():
    index = build_index(notes())
    got = phrase_search(index, "MILK")
    expected = ["groceries", "ideas", "todo"]
    assert got == expected, f"phrase_search(index of the example notes, 'MILK'): expected {expected!r}, got {got!r}"


def test_phrase_with_no_words_finds_nothing():
    index = build_index(notes())
    for phrase in ["", "   "]:
        got = phrase_search(index, phrase)
        assert got == [], f"phrase_search(index of the example notes, {phrase!r}): expected [], got {got!r}"


def test_unknown_words_find_nothing():
    index = build_index(notes())
    for phrase in ["bread", "buy bread", "milk, and"]:
        got = phrase_search(index, phrase)
        assert got == [], f"phrase_search(index of the example notes, {phrase!r}): expected [], got {got!r}"


def test_repeated_words_in_a_phrase():
    index = build_index({"a": "a very very long day", "b": "very good, very", "c": "very very very"})
    for phrase, expected in [("very very", ["a", "c"]), ("very very very", ["c"])]:
        got = phrase_search(index, phrase)
        assert got == expected, (
            f"notes a: 'a very very long day', b: 'very good, very', c: 'very very very': "
            f"phrase_search(index, {phrase!r}): expected {expected!r}, got {got!r}"
        )


def test_search_uses_only_the_index():
    index = {
        "to": {"x": [0, 4], "y": [3]},
        "be": {"x": [1, 5], "y": [0]},
        "or": {"x": [2]},
        "not": {"x": [3]},
    }
    for phrase, expected in [("to be or not to be", ["x"]), ("be", ["x", "y"]), ("not to be", ["x"])]:
        got = phrase_search(index, phrase)
        assert got == expected, f"phrase_search({index!r}, {phrase!r}): expected {expected!r}, got {got!r}"
