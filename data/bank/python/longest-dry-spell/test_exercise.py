from solution import longest_dry_spell


def test_run_in_the_middle():
    got = longest_dry_spell([0, 0.2, 5, 0, 0, 0, 12])
    assert got == 3, f"longest_dry_spell([0, 0.2, 5, 0, 0, 0, 12]): expected 3, got {got!r}"


def test_rain_equal_to_the_threshold_is_not_dry():
    got = longest_dry_spell([3, 8, 1.0])
    assert got == 0, f"longest_dry_spell([3, 8, 1.0]): expected 0 (1.0 is not less than 1.0), got {got!r}"
    got = longest_dry_spell([0, 1.0, 0, 5])
    assert got == 1, f"longest_dry_spell([0, 1.0, 0, 5]): expected 1 (the day with 1.0 mm is not dry), got {got!r}"


def test_custom_threshold():
    got = longest_dry_spell([0.5, 2, 0.5], threshold=3)
    assert got == 3, f"longest_dry_spell([0.5, 2, 0.5], threshold=3): expected 3, got {got!r}"


def test_longest_run_at_the_end():
    got = longest_dry_spell([0, 0, 4, 0, 0, 0, 0])
    assert got == 4, f"longest_dry_spell([0, 0, 4, 0, 0, 0, 0]): expected 4 (the last four days), got {got!r}"


def test_longest_run_at_the_start():
    got = longest_dry_spell([0, 0.5, 0.9, 7, 0, 2.5])
    assert got == 3, f"longest_dry_spell([0, 0.5, 0.9, 7, 0, 2.5]): expected 3 (the first three days), got {got!r}"


def test_equal_runs():
    got = longest_dry_spell([0, 0, 6, 0, 0, 9])
    assert got == 2, f"longest_dry_spell([0, 0, 6, 0, 0, 9]): expected 2, got {got!r}"


def test_every_day_dry():
    got = longest_dry_spell([0, 0, 0, 0.1, 0])
    assert got == 5, f"longest_dry_spell([0, 0, 0, 0.1, 0]): expected 5, got {got!r}"


def test_empty_log():
    got = longest_dry_spell([])
    assert got == 0, f"longest_dry_spell([]): expected 0, got {got!r}"
