from solution import Rectangle


def test_stores_width_and_height():
    room = Rectangle(3, 4)
    assert room.width == 3, f"expected width 3, got {room.width!r}"
    assert room.height == 4, f"expected height 4, got {room.height!r}"


def test_area():
    got = Rectangle(3, 4).area()
    assert got == 12, f"expected 12, got {got!r}"


def test_perimeter():
    got = Rectangle(3, 4).perimeter()
    assert got == 14, f"expected 14, got {got!r}"


def test_is_square():
    assert Rectangle(5, 5).is_square() is True, "a 5 x 5 rectangle is a square"
    assert Rectangle(5, 6).is_square() is False, "a 5 x 6 rectangle is not a square"


def test_float_sizes():
    r = Rectangle(2.5, 4)
    assert r.area() == 10.0, f"expected area 10.0, got {r.area()!r}"
    assert r.perimeter() == 13.0, f"expected perimeter 13.0, got {r.perimeter()!r}"


def test_zero_size():
    r = Rectangle(0, 7)
    assert r.area() == 0, f"expected area 0, got {r.area()!r}"
    assert r.perimeter() == 14, f"expected perimeter 14, got {r.perimeter()!r}"


def test_scaled_returns_a_new_rectangle():
    room = Rectangle(3, 4)
    big = room.scaled(2)
    assert isinstance(big, Rectangle), "scaled should return a Rectangle"
    assert (big.width, big.height) == (6, 8), f"expected 6 x 8, got {big.width!r} x {big.height!r}"
    assert big.area() == 48, f"expected area 48, got {big.area()!r}"
    assert (room.width, room.height) == (3, 4), "the original rectangle must not change"


def test_separate_objects_are_independent():
    a = Rectangle(1, 2)
    b = Rectangle(10, 20)
    assert a.area() == 2 and b.area() == 200, f"expected areas 2 and 200, got {a.area()!r} and {b.area()!r}"
