from solution import free_slots, merge_bookings


def as_tuples(blocks):
    return [tuple(block) for block in blocks]


def test_merge_overlapping_and_touching():
    got = as_tuples(merge_bookings([(60, 120), (30, 90), (200, 240), (240, 250)]))
    assert got == [(30, 120), (200, 250)], f"got {got!r}"


def test_merge_keeps_separate_blocks_sorted():
    got = as_tuples(merge_bookings([(500, 560), (10, 20), (100, 130)]))
    assert got == [(10, 20), (100, 130), (500, 560)], f"got {got!r}"


def test_long_booking_swallows_shorter_ones():
    got = as_tuples(merge_bookings([(0, 600), (30, 60), (100, 200), (590, 610)]))
    assert got == [(0, 610)], f"got {got!r}"


def test_merge_accepts_lists_and_empty_input():
    assert as_tuples(merge_bookings([[5, 9], [1, 6]])) == [(1, 9)]
    assert merge_bookings([]) == []


def test_merge_rejects_invalid_booking():
    for bad in ([(10, 10)], [(30, 20)], [(0, 5), (9, 3)]):
        try:
            merge_bookings(bad)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {bad!r}")


def test_free_slots_simple():
    got = as_tuples(free_slots([(60, 120), (30, 90)], 0, 300))
    assert got == [(0, 30), (120, 300)], f"got {got!r}"


def test_free_slots_bookings_outside_the_day_are_clipped():
    got = as_tuples(free_slots([(400, 500), (530, 700), (0, 470)], 480, 600))
    assert got == [(500, 530)], f"got {got!r}"
    got = as_tuples(free_slots([(0, 100), (900, 1000)], 200, 800))
    assert got == [(200, 800)], f"got {got!r}"


def test_free_slots_fully_booked_and_empty_calendar():
    assert free_slots([(0, 600)], 480, 540) == []
    assert as_tuples(free_slots([], 480, 540)) == [(480, 540)]


def test_free_slots_no_empty_slots_at_edges():
    got = as_tuples(free_slots([(480, 500), (520, 540)], 480, 540))
    assert got == [(500, 520)], f"got {got!r}"


def test_free_slots_invalid_day():
    try:
        free_slots([], 600, 600)
    except ValueError:
        return
    raise AssertionError("expected ValueError when day_start >= day_end")
