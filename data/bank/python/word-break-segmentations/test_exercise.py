from solution import segmentations


def test_three_readings():
    got = segmentations("icecreamcone", ["ice", "cream", "icecream", "cone", "creamcone"])
    assert got == ["ice cream cone", "ice creamcone", "icecream cone"], (
        f"expected ['ice cream cone', 'ice creamcone', 'icecream cone'], got {got!r}"
    )


def test_results_are_sorted():
    words = ["ice", "cream", "icecream", "cone", "creamcone", "am", "cr", "eam", "crea", "mcone"]
    got = segmentations("icecreamcone", words)
    expected = ["ice cr eam cone", "ice crea mcone", "ice cream cone", "ice creamcone", "icecream cone"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_words_can_repeat():
    got = segmentations("aaaa", ["a", "aa"])
    assert got == ["a a a a", "a a aa", "a aa a", "aa a a", "aa aa"], (
        f"expected ['a a a a', 'a a aa', 'a aa a', 'aa a a', 'aa aa'], got {got!r}"
    )


def test_no_segmentation():
    got = segmentations("icecreamcones", ["ice", "cream", "cone"])
    assert got == [], f"expected [], got {got!r}"


def test_single_word():
    got = segmentations("pineapple", ["pineapple", "pine"])
    assert got == ["pineapple"], f"expected ['pineapple'], got {got!r}"


def test_empty_text_has_one_empty_segmentation():
    got = segmentations("", ["a"])
    assert got == [""], f"expected [''], got {got!r}"


def test_empty_and_duplicate_words_are_harmless():
    got = segmentations("penpineapple", ["", "pen", "pen", "pine", "apple", "pineapple"])
    assert got == ["pen pine apple", "pen pineapple"], f"expected ['pen pine apple', 'pen pineapple'], got {got!r}"


def test_case_sensitive():
    got = segmentations("PenPal", ["pen", "pal", "Pen"])
    assert got == [], f"expected [] ('Pal' is not a word), got {got!r}"


def test_many_segmentations():
    got = segmentations("a" * 12, ["a", "aa", "aaa"])
    assert len(got) == 927, f"expected 927 segmentations, got {len(got)}"
    assert got[0] == " ".join("a" * 12), f"unexpected first result {got[0]!r}"
    assert got[-1] == "aaa aaa aaa aaa", f"unexpected last result {got[-1]!r}"


def test_long_dead_end_is_fast():
    got = segmentations("a" * 60 + "b", ["a", "aa", "aaa"])
    assert got == [], f"expected [], got {got!r}"
