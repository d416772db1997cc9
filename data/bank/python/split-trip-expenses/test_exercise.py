from solution import trip_balances


def check(expenses, expected, why=""):
    call = f"trip_balances({expenses!r})"
    got = trip_balances(expenses)
    assert got == expected, f"{call}: expected {expected!r}{why}, got {got!r}"
    return got


def test_one_expense_shared_by_everyone():
    check([("ana", 3000, ["ana", "ben", "cleo"])], {"ana": 2000, "ben": -1000, "cleo": -1000})


def test_leftover_cents_go_in_alphabetical_order():
    check([("ana", 1000, ["cleo", "ana", "ben"]), ("ben", 600, ["cleo"])], {"ana": 666, "ben": 267, "cleo": -933},
          " (of the 1000 cents, ana pays 334, ben and cleo 333 each)")


def test_two_leftover_cents_not_in_listed_order():
    check([("zoe", 1001, ["zoe", "max", "amy"])], {"zoe": 668, "max": -334, "amy": -334},
          " (amy and max, first in alphabetical order, pay 334 each, zoe 333)")


def test_payer_who_does_not_share():
    check([("dev", 500, ["eve"])], {"dev": 500, "eve": -500})


def test_zero_balances_are_kept():
    everyone = ["a", "b", "c"]
    check([("a", 300, everyone), ("b", 300, everyone), ("c", 300, everyone)], {"a": 0, "b": 0, "c": 0})
    check([("a", 0, ["b"])], {"a": 0, "b": 0})


def test_names_are_compared_exactly():
    check([("amy", 101, ["amy", "Zed"]), ("Amy", 10, ["amy"])], {"amy": 41, "Zed": -51, "Amy": 10},
          " ('Zed' comes before 'amy' in Python's string order, so Zed pays the leftover cent; "
          "'Amy' and 'amy' are two people)")


def test_whole_trip_adds_up_to_zero():
    expenses = [
        ("mia", 48000, ["mia", "noah", "olga", "pat"]),
        ("noah", 9050, ["mia", "noah", "olga", "pat"]),
        ("olga", 3500, ["olga", "pat"]),
        ("pat", 1000, ["mia", "noah", "olga"]),
    ]
    got = check(expenses, {"mia": 33403, "noah": -5546, "olga": -12845, "pat": -15012})
    total = sum(got.values())
    assert total == 0, f"trip_balances({expenses!r}): expected the balances to add up to 0, got {total!r}"


def test_no_expenses():
    check([], {})


def test_invalid_expenses_raise_value_error():
    for expense, why in [(("a", -5, ["b"]), "a negative amount"), (("a", 100, []), "no sharers"),
                         (("a", 100, ["b", "c", "b"]), "'b' is listed twice")]:
        call = f"trip_balances([{expense!r}])"
        try:
            got = trip_balances([expense])
        except ValueError:
            continue
        except (ArithmeticError, LookupError, TypeError) as exc:
            raise AssertionError(f"{call}: expected ValueError ({why}), got {type(exc).__name__}: {exc}") from None
        raise AssertionError(f"{call}: expected ValueError ({why}), got {got!r}")
