from solution import anagram_groups


def test_two_groups():
    got = anagram_groups(["listen", "google", "Silent", "enlist", "cat", "act"])
    expected = [["listen", "Silent", "enlist"], ["cat", "act"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_repeats_are_skipped():
    got = anagram_groups(["stop", "pots", "STOP", "tops"])
    assert got == [["stop", "pots", "tops"]], f"expected [['stop', 'pots', 'tops']], got {got!r}"


def test_no_anagrams():
    got = anagram_groups(["one", "two"])
    assert got == [], f"expected [], got {got!r}"


def test_empty_round():
    got = anagram_groups([])
    assert got == [], f"expected [], got {got!r}"


def test_repeat_alone_is_not_a_group():
    got = anagram_groups(["moon", "Moon", "sun"])
    assert got == [], f"expected [], got {got!r}"


def test_groups_ordered_by_first_word():
    got = anagram_groups(["evil", "rat", "art", "vile", "tar", "live"])
    expected = [["evil", "vile", "live"], ["rat", "art", "tar"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_letter_counts_matter():
    got = anagram_groups(["aab", "abb", "bab", "baa"])
    expected = [["aab", "baa"], ["abb", "bab"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"
