from solution import merge_bookings


def test_overlap_and_gap():
    got = merge_bookings([(540, 600), (570, 630), (700, 720)])
    assert got == [(540, 630), (700, 720)], f"expected [(540, 630), (700, 720)], got {got!r}"


def test_touching_bookings_merge():
    got = merge_bookings([(60, 90), (30, 60)])
    assert got == [(30, 90)], f"expected [(30, 90)], got {got!r}"


def test_booking_inside_another():
    got = merge_bookings([(100, 200), (120, 130)])
    assert got == [(100, 200)], f"expected [(100, 200)], got {got!r}"


def test_unsorted_input_with_chain():
    got = merge_bookings([(50, 60), (10, 20), (15, 30), (30, 40), (45, 50)])
    assert got == [(10, 40), (45, 60)], f"expected [(10, 40), (45, 60)], got {got!r}"


def test_no_overlaps_are_sorted():
    got = merge_bookings([(300, 310), (100, 110), (200, 210)])
    assert got == [(100, 110), (200, 210), (300, 310)], f"expected [(100, 110), (200, 210), (300, 310)], got {got!r}"


def test_duplicates_and_zero_length():
    got = merge_bookings([(5, 5), (1, 3), (1, 3), (8, 8), (3, 3)])
    assert got == [(1, 3), (5, 5), (8, 8)], f"expected [(1, 3), (5, 5), (8, 8)], got {got!r}"


def test_empty_calendar():
    got = merge_bookings([])
    assert got == [], f"expected [], got {got!r}"


def test_single_long_block_swallows_all():
    got = merge_bookings([(20, 25), (0, 100), (90, 95), (40, 41)])
    assert got == [(0, 100)], f"expected [(0, 100)], got {got!r}"


def test_rejects_backwards_booking():
    try:
        merge_bookings([(10, 20), (40, 30)])
    except ValueError:
        return
    raise AssertionError("expected ValueError for a booking with start > end")
