from solution import trip_balances


def test_one_expense_shared_by_everyone():
    got = trip_balances([("ana", 3000, ["ana", "ben", "cleo"])])
    expected = {"ana": 2000, "ben": -1000, "cleo": -1000}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_leftover_cents_go_in_alphabetical_order():
    got = trip_balances([("ana", 1000, ["cleo", "ana", "ben"]), ("ben", 600, ["cleo"])])
    expected = {"ana": 666, "ben": 267, "cleo": -933}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_two_leftover_cents_not_in_listed_order():
    got = trip_balances([("zoe", 1001, ["zoe", "max", "amy"])])
    expected = {"zoe": 668, "max": -334, "amy": -334}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_payer_who_does_not_share():
    got = trip_balances([("dev", 500, ["eve"])])
    expected = {"dev": 500, "eve": -500}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_zero_balances_are_kept():
    everyone = ["a", "b", "c"]
    got = trip_balances([("a", 300, everyone), ("b", 300, everyone), ("c", 300, everyone)])
    expected = {"a": 0, "b": 0, "c": 0}
    assert got == expected, f"expected {expected!r}, got {got!r}"
    got = trip_balances([("a", 0, ["b"])])
    expected = {"a": 0, "b": 0}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_whole_trip_adds_up_to_zero():
    expenses = [
        ("mia", 48000, ["mia", "noah", "olga", "pat"]),
        ("noah", 9050, ["mia", "noah", "olga", "pat"]),
        ("olga", 3500, ["olga", "pat"]),
        ("pat", 1000, ["mia", "noah", "olga"]),
    ]
    got = trip_balances(expenses)
    expected = {"mia": 33403, "noah": -5546, "olga": -12845, "pat": -15012}
    assert got == expected, f"expected {expected!r}, got {got!r}"
    total = sum(got.values())
    assert total == 0, f"expected the balances to add up to 0, got {total!r}"


def test_no_expenses():
    got = trip_balances([])
    assert got == {}, f"expected {{}}, got {got!r}"


def test_invalid_expenses_raise_value_error():
    for expense in [("a", -5, ["b"]), ("a", 100, []), ("a", 100, ["b", "c", "b"])]:
        try:
            trip_balances([expense])
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {expense!r}")
