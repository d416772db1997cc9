from solution import hours_for_everyone, shared_hours


def example():
    return {
        "ines": {9, 10, 14, 15},
        "bo": {10, 11, 14},
        "kai": {9, 14, 16},
    }


def few(items, separator=", "):
    """At most three items, then how many more."""
    return separator.join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")


def differences(got, expected):
    """What differs between two {pair: hours} dicts, in words (their order does not matter)."""
    if not isinstance(got, dict):
        return f"a dict is expected, got a {type(got).__name__}"
    wrong = []
    for pair, hours in expected.items():
        if pair in got and got[pair] != hours:
            kind = "" if isinstance(got[pair], list) else f" (a {type(got[pair]).__name__}, not a sorted list)"
            wrong.append(f"{pair!r} should be {hours!r}, got {got[pair]!r}{kind}")
    missing = [repr(pair) for pair in expected if pair not in got]
    extra = [pair for pair in got if pair not in expected]
    empty = [repr(pair) for pair in extra if not got[pair]]
    reversed_ = [repr(pair) for pair in extra if got[pair] and isinstance(pair, tuple) and pair[::-1] in expected]
    others = [repr(pair) for pair in extra if got[pair] and repr(pair) not in reversed_]
    found = [few(wrong, "; ")] if wrong else []
    if missing:
        found.append(f"missing pairs {few(missing)}")
    if empty:
        found.append(f"pairs with no common hour must be left out: {few(empty)}")
    if reversed_:
        found.append(f"each pair appears once, the smaller name first, so these keys should not be there: {few(reversed_)}")
    if others:
        found.append(f"unexpected keys {few(others)}")
    return "; ".join(found)


def check_pairs(free, expected, shown=None):
    got = shared_hours(free)
    shown = shown or repr(free)
    assert got == expected, f"shared_hours({shown}): expected {expected!r}, got {got!r} ({differences(got, expected)})"


def check_everyone(free, expected, shown=None):
    shown = shown or repr(free)
    try:
        got = hours_for_everyone(free)
    except (TypeError, LookupError, StopIteration) as e:
        raise AssertionError(f"hours_for_everyone({shown}): expected {expected!r}, "
                             f"got {type(e).__name__}: {e}") from None
    assert got == expected, f"hours_for_everyone({shown}): expected {expected!r} (a sorted list), got {got!r}"


def test_example_pairs():
    expected = {("bo", "ines"): [10, 14], ("bo", "kai"): [14], ("ines", "kai"): [9, 14]}
    check_pairs(example(), expected, "free")


def test_example_everyone():
    check_everyone(example(), [14], "free")


def test_pairs_without_common_hours_are_left_out():
    free = {"ana": {9, 10}, "ben": {14}, "cleo": {10, 14}}
    check_pairs(free, {("ana", "cleo"): [10], ("ben", "cleo"): [14]})
    check_everyone(free, [])


def test_names_in_alphabetical_order_in_keys():
    check_pairs({"zoe": {16, 8, 12}, "adam": {12, 8}}, {("adam", "zoe"): [8, 12]})


def test_fewer_than_two_colleagues():
    check_pairs({}, {})
    check_pairs({"solo": {9, 10}}, {})


def test_everyone_with_one_or_no_colleague():
    check_everyone({"solo": {15, 9, 11}}, [9, 11, 15])
    check_everyone({}, [])


def test_colleague_who_is_never_free():
    free = {"busy": set(), "dee": {9, 13}, "eli": {13}}
    check_pairs(free, {("dee", "eli"): [13]})
    check_everyone(free, [])


def test_bigger_team():
    free = {
        "fay": {9, 10, 11, 12, 13},
        "gus": {10, 11, 12},
        "hal": {11, 12, 17},
        "ivy": {8, 11, 12},
        "jo": {12, 13, 17},
    }
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
    check_pairs(free, expected)
    check_everyone(free, [12])
