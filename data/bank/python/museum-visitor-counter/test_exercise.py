from solution import VisitorCounter


def test_starts_empty():
    door = VisitorCounter(50)
    got = (door.capacity, door.inside, door.total)
    assert got == (50, 0, 0), f"expected capacity, inside, total (50, 0, 0), got {got!r}"


def test_enter_lets_visitors_in():
    door = VisitorCounter(3)
    got = door.enter()
    assert got is True, f"expected True, got {got!r}"
    door.enter()
    got = (door.inside, door.total)
    assert got == (2, 2), f"expected inside, total (2, 2), got {got!r}"


def test_enter_is_refused_when_full():
    door = VisitorCounter(2)
    door.enter()
    door.enter()
    got = door.enter()
    assert got is False, f"a full museum should refuse entry: expected False, got {got!r}"
    got = (door.inside, door.total)
    assert got == (2, 2), f"a refused visitor changes nothing: expected (2, 2), got {got!r}"


def test_leave_makes_room_again():
    door = VisitorCounter(1)
    door.enter()
    door.leave()
    got = door.inside
    assert got == 0, f"expected 0 inside, got {got!r}"
    got = door.enter()
    assert got is True, f"there is room again: expected True, got {got!r}"


def test_readme_example():
    door = VisitorCounter(2)
    got = [door.enter(), door.enter(), door.enter()]
    assert got == [True, True, False], f"expected [True, True, False], got {got!r}"
    door.leave()
    got = door.space_left()
    assert got == 1, f"expected 1 place left, got {got!r}"
    door.enter()
    got = door.total
    assert got == 3, f"expected 3 visitors let in so far, got {got!r}"


def test_space_left():
    door = VisitorCounter(10)
    got = door.space_left()
    assert got == 10, f"expected 10, got {got!r}"
    for _ in range(4):
        door.enter()
    got = door.space_left()
    assert got == 6, f"expected 6, got {got!r}"


def test_leave_when_empty_raises_value_error():
    door = VisitorCounter(5)
    try:
        door.leave()
    except ValueError:
        got = (door.inside, door.total)
        assert got == (0, 0), f"the counts must not change, got {got!r}"
        return
    raise AssertionError("expected ValueError when nobody is inside")


def test_counters_are_independent():
    front, back = VisitorCounter(5), VisitorCounter(5)
    front.enter()
    front.enter()
    back.enter()
    got = (front.inside, back.inside)
    assert got == (2, 1), f"expected 2 inside at the front and 1 at the back, got {got!r}"
