from solution import Vector


def components(v):
    return (v.x, v.y)


def test_stores_components():
    v = Vector(1, 2)
    assert components(v) == (1, 2), f"expected (1, 2), got {components(v)!r}"


def test_addition_and_subtraction():
    v, w = Vector(1, 2), Vector(3, -1)
    assert components(v + w) == (4, 1), f"v + w: got {components(v + w)!r}"
    assert components(v - w) == (-2, 3), f"v - w: got {components(v - w)!r}"


def test_multiplication_by_a_number_on_either_side():
    v = Vector(1, 2)
    assert components(v * 3) == (3, 6), f"v * 3: got {components(v * 3)!r}"
    assert components(3 * v) == (3, 6), f"3 * v: got {components(3 * v)!r}"
    assert components(v * 0.5) == (0.5, 1.0), f"v * 0.5: got {components(v * 0.5)!r}"


def test_negation():
    got = components(-Vector(1, -2))
    assert got == (-1, 2), f"expected (-1, 2), got {got!r}"


def test_equality():
    assert Vector(1, 2) == Vector(1, 2)
    assert not (Vector(1, 2) == Vector(2, 1)), "(1, 2) and (2, 1) are different vectors"
    assert Vector(1, 2) != Vector(1, 3)
    assert not (Vector(0, 0) != Vector(0, 0))


def test_length():
    assert Vector(3, 4).length() == 5.0, f"expected 5.0, got {Vector(3, 4).length()!r}"
    assert Vector(0, 0).length() == 0.0
    assert Vector(-5, 12).length() == 13.0


def test_dot_product():
    assert Vector(1, 2).dot(Vector(3, -1)) == 1
    assert Vector(2, 0).dot(Vector(0, 5)) == 0, "perpendicular vectors have dot product 0"


def test_operands_do_not_change():
    v, w = Vector(1, 2), Vector(3, 4)
    _ = v + w
    _ = v - w
    _ = v * 10
    _ = -w
    assert components(v) == (1, 2) and components(w) == (3, 4), "operators must return new vectors"


def test_expression_combining_operators():
    position, velocity = Vector(10, 5), Vector(2, -1)
    got = position + velocity * 3 - 2 * Vector(1, 1)
    assert got == Vector(14, 0), f"expected (14, 0), got {components(got)!r}"
