from solution import sort_versions


def check(versions, expected, newest_first=None):
    if newest_first is None:
        call = f"sort_versions({versions!r})"
        got = sort_versions(versions)
    else:
        call = f"sort_versions({versions!r}, newest_first={newest_first!r})"
        got = sort_versions(versions, newest_first=newest_first)
    assert got == expected, f"{call}: expected {expected!r}, got {got!r}"


def test_numbers_not_characters():
    check(["1.10.0", "1.2.0", "1.9.2"], ["1.2.0", "1.9.2", "1.10.0"])


def test_newest_first():
    check(["2.0", "10.1", "2.0.1", "1.99"], ["10.1", "2.0.1", "2.0", "1.99"], newest_first=True)


def test_shorter_version_is_older_when_equal_so_far():
    check(["1.2.1", "1.2", "1.2.0"], ["1.2", "1.2.0", "1.2.1"])
    check(["1.2.0", "1.2.1", "1.2"], ["1.2", "1.2.0", "1.2.1"])
    check(["1", "1.0", "1.0.0"], ["1.0.0", "1.0", "1"], newest_first=True)


def test_first_number_decides_before_the_others():
    check(["3.0", "2.99.99", "10.0", "2.100"], ["2.99.99", "2.100", "3.0", "10.0"])


def test_single_numbers():
    check(["9", "11", "10", "1"], ["1", "9", "10", "11"])


def test_empty_list():
    check([], [])
    check([], [], newest_first=True)


def test_duplicates_are_kept():
    check(["0.5", "0.10", "0.5"], ["0.10", "0.5", "0.5"], newest_first=True)
