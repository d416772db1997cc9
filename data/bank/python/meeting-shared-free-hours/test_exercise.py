from solution import hours_for_everyone, shared_hours


def example():
    return {
        "ines": {9, 10, 14, 15},
        "bo": {10, 11, 14},
        "kai": {9, 14, 16},
    }


def test_example_pairs():
    got = shared_hours(example())
    expected = {("bo", "ines"): [10, 14], ("bo", "kai"): [14], ("ines", "kai"): [9, 14]}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_example_everyone():
    got = hours_for_everyone(example())
    assert got == [14], f"expected [14], got {got!r}"


def test_pairs_without_common_hours_are_left_out():
    got = shared_hours({"ana": {9, 10}, "ben": {14}, "cleo": {10, 14}})
    expected = {("ana", "cleo"): [10], ("ben", "cleo"): [14]}
    assert got == expected, f"expected {expected!r}, got {got!r}"
    got = hours_for_everyone({"ana": {9, 10}, "ben": {14}, "cleo": {10, 14}})
    assert got == [], f"expected [], got {got!r}"


def test_names_in_alphabetical_order_in_keys():
    got = shared_hours({"zoe": {16, 8, 12}, "adam": {12, 8}})
    assert got == {("adam", "zoe"): [8, 12]}, f"expected {{('adam', 'zoe'): [8, 12]}}, got {got!r}"


def test_fewer_than_two_colleagues():
    got = shared_hours({})
    assert got == {}, f"expected {{}}, got {got!r}"
    got = shared_hours({"solo": {9, 10}})
    assert got == {}, f"expected {{}}, got {got!r}"


def test_everyone_with_one_or_no_colleague():
    got = hours_for_everyone({"solo": {15, 9, 11}})
    assert got == [9, 11, 15], f"expected [9, 11, 15], got {got!r}"
    got = hours_for_everyone({})
    assert got == [], f"expected [], got {got!r}"


def test_colleague_who_is_never_free():
    free = {"busy": set(), "dee": {9, 13}, "eli": {13}}
    got = shared_hours(free)
    assert got == {("dee", "eli"): [13]}, f"expected {{('dee', 'eli'): [13]}}, got {got!r}"
    got = hours_for_everyone(free)
    assert got == [], f"expected [], got {got!r}"


def test_bigger_team():
    free = {
        "fay": {9, 10, 11, 12, 13},
        "gus": {10, 11, 12},
        "hal": {11, 12, 17},
        "ivy": {8, 11, 12},
        "jo": {12, 13, 17},
    }
    got = shared_hours(free)
    expected = {
        ("fay", "gus"): [10, 11, 12],
        ("fay", "hal"): [11, 12],
        ("fay", "ivy"): [11, 12],
        ("fay", "jo"): [12, 13],
        ("gus", "hal"): [11, 12],
        ("gus", "ivy"): [11, 12],
        ("gus", "jo"): [12],
        ("hal", "ivy"): [11, 12],
        ("hal", "jo"): [12, 17],
        ("ivy", "jo"): [12],
    }
    assert got == expected, f"expected {expected!r}, got {got!r}"
    got = hours_for_everyone(free)
    assert got == [12], f"expected [12], got {got!r}"
