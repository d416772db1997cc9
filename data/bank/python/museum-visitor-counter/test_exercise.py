from solution import VisitorCounter


def test_starts_empty():
    door = VisitorCounter(50)
    got = (door.capacity, door.inside, door.total)
    assert got == (50, 0, 0), (
        f"door = VisitorCounter(50): expected (door.capacity, door.inside, door.total) to be (50, 0, 0), got {got!r}"
    )


def test_enter_lets_visitors_in():
    door = VisitorCounter(3)
    got = door.enter()
    assert got is True, f"door = VisitorCounter(3); door.enter(): expected True, got {got!r}"
    door.enter()
    got = (door.inside, door.total)
    assert got == (2, 2), f"VisitorCounter(3) after two enter(): expected (inside, total) (2, 2), got {got!r}"


def test_enter_is_refused_when_full():
    door = VisitorCounter(2)
    door.enter()
    door.enter()
    got = door.enter()
    assert got is False, (
        f"VisitorCounter(2) after two enter(), the museum is full: a third enter() should return False, got {got!r}"
    )
    got = (door.inside, door.total)
    assert got == (2, 2), (
        f"VisitorCounter(2) after two enter() and a refused one: expected (inside, total) (2, 2) "
        f"(a refused visitor changes nothing), got {got!r}"
    )


def test_leave_makes_room_again():
    door = VisitorCounter(1)
    door.enter()
    door.leave()
    got = door.inside
    assert got == 0, f"VisitorCounter(1) after enter() then leave(): expected inside 0, got {got!r}"
    got = door.enter()
    assert got is True, f"VisitorCounter(1) after enter() then leave(): there is room again, so enter() should return True, got {got!r}"


def test_readme_example():
    door = VisitorCounter(2)
    got = [door.enter(), door.enter(), door.enter()]
    assert got == [True, True, False], f"VisitorCounter(2), three enter(): expected [True, True, False], got {got!r}"
    door.leave()
    got = door.space_left()
    assert got == 1, f"VisitorCounter(2) with 2 inside, after leave(): space_left() should be 1, got {got!r}"
    door.enter()
    got = door.total
    assert got == 3, f"VisitorCounter(2), README example: total should be 3 (visitors let in so far), got {got!r}"


def test_space_left():
    door = VisitorCounter(10)
    got = door.space_left()
    assert got == 10, f"VisitorCounter(10).space_left(): expected 10, got {got!r}"
    for _ in range(4):
        door.enter()
    got = door.space_left()
    assert got == 6, f"VisitorCounter(10) after four enter(): space_left() should be 6, got {got!r}"


def test_leave_when_empty_raises_value_error():
    door = VisitorCounter(5)
    try:
        door.leave()
    except ValueError:
        got = (door.inside, door.total)
        assert got == (0, 0), (
            f"VisitorCounter(5).leave() with nobody inside raised ValueError, but the counts must not change: "
            f"expected (inside, total) (0, 0), got {got!r}"
        )
        return
    got = (door.inside, door.total)
    raise AssertionError(f"VisitorCounter(5).leave() with nobody inside: expected ValueError, but it returned "
                         f"and (inside, total) is now {got!r}")


def test_counters_are_independent():
    front, back = VisitorCounter(5), VisitorCounter(5)
    front.enter()
    front.enter()
    back.enter()
    got = (front.inside, front.total, back.inside, back.total)
    assert got == (2, 2, 1, 1), (
        f"two counters, two enter() at the front and one at the back: expected (front.inside, front.total, "
        f"back.inside, back.total) (2, 2, 1, 1), got {got!r}"
    )
