from solution import page_links


def test_page_in_the_middle():
    got = page_links(10, 20)
    expected = [1, "...", 8, 9, 10, 11, 12, "...", 20]
    assert got == expected, f"page_links(10, 20): expected {expected!r}, got {got!r}"


def test_first_page():
    got = page_links(1, 20)
    expected = [1, 2, 3, "...", 20]
    assert got == expected, f"page_links(1, 20): expected {expected!r}, got {got!r}"


def test_last_page():
    got = page_links(20, 20)
    expected = [1, "...", 18, 19, 20]
    assert got == expected, f"page_links(20, 20): expected {expected!r}, got {got!r}"


def test_gap_of_one_page_is_filled():
    got = page_links(5, 20)
    expected = [1, 2, 3, 4, 5, 6, 7, "...", 20]
    assert got == expected, f"page_links(5, 20): expected {expected!r}, got {got!r}"
    got = page_links(16, 20)
    expected = [1, "...", 14, 15, 16, 17, 18, 19, 20]
    assert got == expected, f"page_links(16, 20): expected {expected!r}, got {got!r}"


def test_gap_of_two_pages_gets_an_ellipsis():
    got = page_links(2, 7)
    expected = [1, 2, 3, 4, "...", 7]
    assert got == expected, f"page_links(2, 7): expected {expected!r}, got {got!r}"


def test_around_zero():
    got = page_links(3, 5, around=0)
    expected = [1, 2, 3, 4, 5]
    assert got == expected, f"page_links(3, 5, around=0): expected {expected!r}, got {got!r}"
    got = page_links(10, 20, around=0)
    expected = [1, "...", 10, "...", 20]
    assert got == expected, f"page_links(10, 20, around=0): expected {expected!r}, got {got!r}"


def test_other_values_of_around():
    got = page_links(7, 7, around=1)
    expected = [1, "...", 6, 7]
    assert got == expected, f"page_links(7, 7, around=1): expected {expected!r}, got {got!r}"
    got = page_links(50, 100, around=3)
    expected = [1, "...", 47, 48, 49, 50, 51, 52, 53, "...", 100]
    assert got == expected, f"page_links(50, 100, around=3): expected {expected!r}, got {got!r}"
    got = page_links(4, 9, around=10)
    expected = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert got == expected, f"page_links(4, 9, around=10): expected {expected!r}, got {got!r}"


def test_one_and_two_pages():
    got = page_links(1, 1)
    assert got == [1], f"page_links(1, 1): expected [1], got {got!r}"
    got = page_links(2, 2)
    assert got == [1, 2], f"page_links(2, 2): expected [1, 2], got {got!r}"


def test_invalid_arguments_raise_value_error():
    for args in [(1, 0), (0, 5), (6, 5), (3, 5, -1)]:
        try:
            got = page_links(*args)
        except ValueError:
            continue
        raise AssertionError(f"page_links{args!r}: expected ValueError, got {got!r}")
