import math

from solution import Circle, Rectangle, Shape, Square, largest


def test_circle():
    c = Circle(1.5)
    assert c.radius == 1.5, f"expected radius 1.5, got {c.radius!r}"
    assert abs(c.area() - math.pi * 2.25) < 1e-9, f"got area {c.area()!r}"
    assert abs(c.perimeter() - math.pi * 3) < 1e-9, f"got perimeter {c.perimeter()!r}"


def test_rectangle():
    r = Rectangle(2, 3)
    assert (r.width, r.height) == (2, 3), f"expected (2, 3), got {(r.width, r.height)!r}"
    assert r.area() == 6 and r.perimeter() == 10, (
        f"expected area 6 and perimeter 10, got area {r.area()!r} and perimeter {r.perimeter()!r}"
    )


def test_square_is_a_rectangle():
    sq = Square(3)
    assert isinstance(sq, Rectangle) and isinstance(sq, Shape), "Square must inherit from Rectangle"
    assert (sq.width, sq.height, sq.side) == (3, 3, 3), f"expected (3, 3, 3), got {(sq.width, sq.height, sq.side)!r}"
    assert sq.area() == 9 and sq.perimeter() == 12, (
        f"expected area 9 and perimeter 12, got area {sq.area()!r} and perimeter {sq.perimeter()!r}"
    )


def test_names_are_class_attributes():
    got = [Circle(1).name, Rectangle(1, 2).name, Square(1).name]
    assert got == ["circle", "rectangle", "square"], f"expected ['circle', 'rectangle', 'square'], got {got!r}"


def test_describe():
    assert Circle(1).describe() == "circle with area 3.14 and perimeter 6.28", Circle(1).describe()
    assert Rectangle(2, 3).describe() == "rectangle with area 6.00 and perimeter 10.00", Rectangle(2, 3).describe()
    assert Square(0.5).describe() == "square with area 0.25 and perimeter 2.00", Square(0.5).describe()


def test_compare_and_sort_by_area():
    assert Square(2) < Circle(2), "4 is less than 12.57"
    assert not (Circle(2) < Square(2))
    ordered = sorted([Circle(1), Square(1), Rectangle(1, 5), Rectangle(1, 2)])
    got = [s.name for s in ordered]
    assert got == ["square", "rectangle", "circle", "rectangle"], (
        f"expected ['square', 'rectangle', 'circle', 'rectangle'], got {got!r}"
    )


def test_largest():
    got = largest([Square(1), Circle(1), Rectangle(1, 2)])
    assert got.name == "circle", f"expected the circle, got a {got.name}"


def test_largest_takes_the_first_on_ties():
    got = largest([Rectangle(2, 2), Square(2), Rectangle(1, 4)])
    assert got.name == "rectangle" and got.width == 2, f"expected the first 2 x 2 rectangle, got {got.describe()!r}"


def test_largest_of_nothing():
    try:
        largest([])
    except ValueError:
        return
    raise AssertionError("expected ValueError for an empty list")


def test_sizes_must_be_positive():
    for text, make in [("Circle(0)", lambda: Circle(0)), ("Rectangle(2, -1)", lambda: Rectangle(2, -1)),
                       ("Rectangle(0, 3)", lambda: Rectangle(0, 3)), ("Square(-2)", lambda: Square(-2))]:
        try:
            make()
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {text}")


def test_base_shape_has_no_area():
    try:
        Shape().area()
    except NotImplementedError:
        pass
    else:
        raise AssertionError("Shape().area() should raise NotImplementedError")
    assert Circle(2).area() > 12, "subclasses must override area"
