from solution import look_and_say, next_term


def test_next_term_basic():
    got = next_term("1211")
    assert got == "111221", f"expected '111221', got {got!r}"


def test_next_term_single_digit():
    got = next_term("3")
    assert got == "13", f"expected '13', got {got!r}"


def test_next_term_long_run():
    got = next_term("1" * 10 + "0")
    assert got == "10110", f"expected '10110', got {got!r}"


def test_sequence_from_one():
    got = look_and_say("1", 5)
    assert got == ["1", "11", "21", "1211", "111221"], f"expected ['1', '11', '21', '1211', '111221'], got {got!r}"


def test_self_describing_seed():
    got = look_and_say("22", 3)
    assert got == ["22", "22", "22"], f"expected ['22', '22', '22'], got {got!r}"


def test_zero_count():
    got = look_and_say("1", 0)
    assert got == [], f"expected [], got {got!r}"


def test_growth_of_the_sequence():
    terms = look_and_say("1", 12)
    assert len(terms) == 12, f"expected 12 terms, got {len(terms)}"
    assert terms[-1] == "3113112221232112111312211312113211", f"expected '3113112221232112111312211312113211', got {terms[-1]!r}"


def test_rejects_bad_terms():
    for bad in ["", "12a", " 1"]:
        try:
            next_term(bad)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for next_term({bad!r})")


def test_rejects_bad_seed_and_negative_count():
    try:
        look_and_say("x", 2)
    except ValueError:
        pass
    else:
        raise AssertionError("expected ValueError for a non-digit seed")
    try:
        look_and_say("1", -1)
    except ValueError:
        return
    raise AssertionError("expected ValueError for a negative count")
