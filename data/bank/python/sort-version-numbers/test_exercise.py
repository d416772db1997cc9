from solution import sort_versions


def test_numbers_not_characters():
    got = sort_versions(["1.10.0", "1.2.0", "1.9.2"])
    assert got == ["1.2.0", "1.9.2", "1.10.0"], f"expected ['1.2.0', '1.9.2', '1.10.0'], got {got!r}"


def test_newest_first():
    got = sort_versions(["2.0", "10.1", "2.0.1", "1.99"], newest_first=True)
    assert got == ["10.1", "2.0.1", "2.0", "1.99"], f"expected ['10.1', '2.0.1', '2.0', '1.99'], got {got!r}"


def test_shorter_version_is_older_when_equal_so_far():
    got = sort_versions(["1.2.1", "1.2", "1.2.0"])
    assert got == ["1.2", "1.2.0", "1.2.1"], f"expected ['1.2', '1.2.0', '1.2.1'], got {got!r}"


def test_first_number_decides_before_the_others():
    got = sort_versions(["3.0", "2.99.99", "10.0", "2.100"])
    assert got == ["2.99.99", "2.100", "3.0", "10.0"], f"expected ['2.99.99', '2.100', '3.0', '10.0'], got {got!r}"


def test_single_numbers():
    got = sort_versions(["9", "11", "10", "1"])
    assert got == ["1", "9", "10", "11"], f"expected ['1', '9', '10', '11'], got {got!r}"


def test_empty_list():
    got = sort_versions([])
    assert got == [], f"expected [], got {got!r}"
    got = sort_versions([], newest_first=True)
    assert got == [], f"expected [], got {got!r}"


def test_duplicates_are_kept():
    got = sort_versions(["0.5", "0.10", "0.5"], newest_first=True)
    assert got == ["0.10", "0.5", "0.5"], f"expected ['0.10', '0.5', '0.5'], got {got!r}"
