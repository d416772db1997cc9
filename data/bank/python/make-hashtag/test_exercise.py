from solution import make_hashtag


def test_two_words():
    got = make_hashtag("Summer Holiday")
    assert got == "#summerholiday", f"make_hashtag('Summer Holiday'): expected '#summerholiday', got {got!r}"


def test_one_lower_case_word():
    got = make_hashtag("python")
    assert got == "#python", f"make_hashtag('python'): expected '#python', got {got!r}"


def test_extra_spaces_are_removed():
    got = make_hashtag("  Go Team  ")
    assert got == "#goteam", f"make_hashtag('  Go Team  '): expected '#goteam', got {got!r}"


def test_digits_stay():
    got = make_hashtag("Class of 2024")
    assert got == "#classof2024", f"make_hashtag('Class of 2024'): expected '#classof2024', got {got!r}"


def test_empty_phrase():
    got = make_hashtag("")
    assert got == "", f"make_hashtag(''): expected '', got {got!r}"


def test_only_spaces():
    got = make_hashtag("   ")
    assert got == "", f"make_hashtag('   '): expected '', got {got!r}"
