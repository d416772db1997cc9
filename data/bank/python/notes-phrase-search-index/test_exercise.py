from solution import build_index, phrase_search


def notes():
    return {
        "groceries": "Buy milk and eggs and more milk",
        "todo": "call mom and buy milk",
        "ideas": "milk and honey bakery",
    }


def test_index_positions():
    index = build_index(notes())
    got = index["milk"]
    expected = {"groceries": [1, 6], "todo": [4], "ideas": [0]}
    assert got == expected, f"expected {expected!r}, got {got!r}"
    got = index["and"]
    expected = {"groceries": [2, 4], "todo": [2], "ideas": [1]}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_index_has_every_word_and_only_notes_containing_it():
    index = build_index(notes())
    got = sorted(index)
    expected = ["and", "bakery", "buy", "call", "eggs", "honey", "milk", "mom", "more"]
    assert got == expected, f"expected the words {expected!r}, got {got!r}"
    got = index["honey"]
    assert got == {"ideas": [2]}, f"expected {{'ideas': [2]}}, got {got!r}"


def test_index_lowercases_and_splits_on_any_whitespace():
    got = build_index({"n": "Milk\tmilk\n  MILK, milk"})
    expected = {"milk": {"n": [0, 1, 3]}, "milk,": {"n": [2]}}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_notes_give_an_empty_index():
    got = build_index({})
    assert got == {}, f"expected {{}}, got {got!r}"
    got = build_index({"blank": "   ", "empty": ""})
    assert got == {}, f"expected {{}}, got {got!r}"


def test_two_word_phrases():
    index = build_index(notes())
    got = phrase_search(index, "buy milk")
    assert got == ["groceries", "todo"], f"expected ['groceries', 'todo'], got {got!r}"
    got = phrase_search(index, "milk and")
    assert got == ["groceries", "ideas"], f"expected ['groceries', 'ideas'], got {got!r}"


def test_word_order_matters():
    index = build_index(notes())
    got = phrase_search(index, "and milk")
    assert got == [], f"expected [], got {got!r}"


def test_single_word_is_case_insensitive():
    index = build_index(notes())
    got = phrase_search(index, "MILK")
    assert got == ["groceries", "ideas", "todo"], f"expected ['groceries', 'ideas', 'todo'], got {got!r}"


def test_empty_and_unknown_phrases():
    index = build_index(notes())
    for phrase in ["", "   ", "bread", "buy bread", "milk, and"]:
        got = phrase_search(index, phrase)
        assert got == [], f"phrase {phrase!r}: expected [], got {got!r}"


def test_repeated_words_in_a_phrase():
    index = build_index({"a": "a very very long day", "b": "very good, very", "c": "very very very"})
    got = phrase_search(index, "very very")
    assert got == ["a", "c"], f"expected ['a', 'c'], got {got!r}"
    got = phrase_search(index, "very very very")
    assert got == ["c"], f"expected ['c'], got {got!r}"


def test_search_uses_only_the_index():
    index = {
        "to": {"x": [0, 4], "y": [3]},
        "be": {"x": [1, 5], "y": [0]},
        "or": {"x": [2]},
        "not": {"x": [3]},
    }
    got = phrase_search(index, "to be or not to be")
    assert got == ["x"], f"expected ['x'], got {got!r}"
    got = phrase_search(index, "be")
    assert got == ["x", "y"], f"expected ['x', 'y'], got {got!r}"
    got = phrase_search(index, "not to be")
    assert got == ["x"], f"expected ['x'], got {got!r}"
