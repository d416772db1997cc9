from solution import count_days

LOG = [30, 0, 45, 10, 0, 60]


def test_default_counts_days_with_practice():
    got = count_days(LOG)
    assert got == 4, f"count_days([30, 0, 45, 10, 0, 60]): expected 4 (days with more than 0 minutes), got {got!r}"


def test_lambda_as_test():
    got = count_days(LOG, lambda m: m >= 30)
    assert got == 3, f"count_days([30, 0, 45, 10, 0, 60], lambda m: m >= 30): expected 3, got {got!r}"


def test_test_passed_by_keyword():
    got = count_days(LOG, test=lambda m: m == 0)
    assert got == 2, f"count_days([30, 0, 45, 10, 0, 60], test=lambda m: m == 0): expected 2, got {got!r}"


def test_named_function_as_test():
    def long_session(m):
        return m >= 60

    got = count_days(LOG, long_session)
    assert got == 1, f"count_days([30, 0, 45, 10, 0, 60], long_session) (m >= 60): expected 1, got {got!r}"


def test_test_may_return_any_true_value():
    got = count_days(LOG, lambda m: m % 20)
    assert got == 3, (
        f"count_days([30, 0, 45, 10, 0, 60], lambda m: m % 20): the test returns 10, 0, 5, 10, 0, 0, and three "
        f"of those are true values: expected 3 (the number of days whose test result is true), got {got!r}"
    )


def test_empty_log():
    got = count_days([])
    assert got == 0, f"count_days([]): expected 0, got {got!r}"
    got = count_days([], lambda m: True)
    assert got == 0, f"count_days([], lambda m: True): expected 0, got {got!r}"


def test_no_day_passes():
    got = count_days([0, 0, 0])
    assert got == 0, f"count_days([0, 0, 0]): expected 0 (no day with more than 0 minutes), got {got!r}"
    got = count_days(LOG, lambda m: m > 120)
    assert got == 0, f"count_days([30, 0, 45, 10, 0, 60], lambda m: m > 120): expected 0, got {got!r}"


def test_test_is_called_once_per_day_in_order():
    seen = []

    def spy(m):
        seen.append(m)
        return m % 2 == 0

    got = count_days([5, 8, 0, 3], spy)
    assert got == 2, f"count_days([5, 8, 0, 3], spy) (m % 2 == 0): expected 2, got {got!r}"
    assert seen == [5, 8, 0, 3], (
        f"count_days([5, 8, 0, 3], spy): expected test to be called with 5, 8, 0, 3 in that order, once each, "
        f"got calls with {seen!r}"
    )
