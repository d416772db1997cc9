from solution import sum_up_to


def test_four_steps():
    got = sum_up_to(4)
    assert got == 10, f"sum_up_to(4): expected 10, got {got!r}"


def test_one_step():
    got = sum_up_to(1)
    assert got == 1, f"sum_up_to(1): expected 1, got {got!r}"


def test_ten_steps():
    got = sum_up_to(10)
    assert got == 55, f"sum_up_to(10): expected 55, got {got!r}"


def test_a_hundred_steps():
    got = sum_up_to(100)
    assert got == 5050, f"sum_up_to(100): expected 5050, got {got!r}"


def test_zero_steps():
    got = sum_up_to(0)
    assert got == 0, f"sum_up_to(0): expected 0, got {got!r}"


def test_negative_steps():
    got = sum_up_to(-3)
    assert got == 0, f"sum_up_to(-3): expected 0, got {got!r}"
