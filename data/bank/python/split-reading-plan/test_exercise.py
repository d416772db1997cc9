import random

from solution import min_daily_pages


def best_by_trying_every_split(chapters, days):
    """Slow reference: try every way to cut the chapters into at most `days` runs."""
    if not chapters:
        return 0
    if days == 1:
        return sum(chapters)
    best = sum(chapters)
    for cut in range(1, len(chapters)):
        first = sum(chapters[:cut])
        if first >= best:
            break
        best = min(best, max(first, best_by_trying_every_split(chapters[cut:], days - 1)))
    return best


def test_two_days():
    got = min_daily_pages([30, 20, 40, 10, 50], 2)
    assert got == 90, f"expected 90, got {got!r}"


def test_three_days():
    got = min_daily_pages([30, 20, 40, 10, 50], 3)
    assert got == 50, f"expected 50, got {got!r}"


def test_one_day_means_whole_book():
    got = min_daily_pages([30, 20, 40, 10, 50], 1)
    assert got == 150, f"expected 150, got {got!r}"


def test_more_days_than_chapters():
    got = min_daily_pages([12, 7], 5)
    assert got == 12, f"expected 12 (the biggest chapter), got {got!r}"


def test_single_chapter_and_empty_book():
    assert min_daily_pages([99], 3) == 99
    assert min_daily_pages([], 4) == 0


def test_equal_chapters():
    got = min_daily_pages([10] * 9, 4)
    assert got == 30, f"expected 30, got {got!r}"


def test_invalid_input():
    for chapters, days in [([10, 20], 0), ([10, 20], -1), ([10, 0, 5], 2), ([5, -3], 2)]:
        try:
            min_daily_pages(chapters, days)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for chapters={chapters!r}, days={days}")


def test_random_small_books_match_slow_answer():
    rng = random.Random(99)
    for _ in range(60):
        chapters = [rng.randint(1, 40) for _ in range(rng.randint(1, 8))]
        days = rng.randint(1, 6)
        expected = best_by_trying_every_split(chapters, days)
        got = min_daily_pages(chapters, days)
        assert got == expected, f"{chapters!r} in {days} days: expected {expected}, got {got!r}"


def test_long_book_is_fast():
    rng = random.Random(7)
    chapters = [rng.randint(1, 1000) for _ in range(2000)]
    assert min_daily_pages(chapters, 7) == 139589
    assert min_daily_pages(chapters, 150) == 6821
