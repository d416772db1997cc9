from solution import Peekable


def test_behaves_like_an_iterator():
    p = Peekable([1, 2, 3])
    assert next(p) == 1
    assert list(p) == [2, 3]
    collected = [x for x in Peekable("ab")]
    assert collected == ["a", "b"]


def test_peek_does_not_consume():
    p = Peekable([10, 20])
    assert p.peek() == 10
    assert p.peek() == 10, "peeking twice must return the same item"
    assert next(p) == 10
    assert p.peek() == 20
    assert list(p) == [20]


def test_peek_at_end_with_and_without_default():
    p = Peekable([])
    assert p.peek("end") == "end"
    assert p.peek(None) is None, "None is a valid default"
    try:
        p.peek()
    except StopIteration:
        return
    raise AssertionError("peek() without a default should raise StopIteration at the end")


def test_next_at_end_raises_stop_iteration():
    p = Peekable([1])
    next(p)
    try:
        next(p)
    except StopIteration:
        return
    raise AssertionError("expected StopIteration")


def test_has_next():
    p = Peekable([0])
    assert p.has_next() is True, "a falsy item (0) is still an item"
    assert next(p) == 0
    assert p.has_next() is False


def test_prepend_order_and_priority_over_peeked_item():
    p = Peekable([1, 2, 3])
    assert p.peek() == 1
    p.prepend("a", "b")
    assert p.peek() == "a"
    assert list(p) == ["a", "b", 1, 2, 3]


def test_prepend_on_exhausted_iterator():
    p = Peekable([])
    p.prepend(None)
    assert p.has_next() is True
    assert next(p) is None
    assert p.has_next() is False


def test_take():
    p = Peekable([0, 1, 2, 3, 4])
    assert p.take(2) == [0, 1]
    assert p.take(0) == []
    assert p.take(10) == [2, 3, 4], "take returns fewer items when the iterator runs out"
    assert p.take(3) == []


def test_take_negative_raises():
    p = Peekable([1, 2])
    try:
        p.take(-1)
    except ValueError:
        assert p.take(5) == [1, 2], "a failed take must not consume items"
        return
    raise AssertionError("expected ValueError for a negative n")


def test_readme_walkthrough():
    p = Peekable([1, 2, 3])
    assert p.peek() == 1
    assert next(p) == 1
    p.prepend("a", "b")
    assert p.take(3) == ["a", "b", 2]
    assert p.has_next() is True
    assert list(p) == [3]
    assert p.peek("end") == "end"
