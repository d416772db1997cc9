from solution import ticket_price


def test_child():
    got = ticket_price(8)
    assert got == 6, f"ticket_price(8): expected 6, got {got!r}"


def test_adult():
    got = ticket_price(30)
    assert got == 10, f"ticket_price(30): expected 10, got {got!r}"


def test_senior():
    got = ticket_price(70)
    assert got == 7, f"ticket_price(70): expected 7, got {got!r}"


def test_eleven_is_still_a_child():
    got = ticket_price(11)
    assert got == 6, f"ticket_price(11): expected 6, got {got!r}"


def test_twelve_pays_the_adult_price():
    got = ticket_price(12)
    assert got == 10, f"ticket_price(12): expected 10, got {got!r}"


def test_sixty_five_is_a_senior():
    got = ticket_price(65)
    assert got == 7, f"ticket_price(65): expected 7, got {got!r}"


def test_baby_is_a_child():
    got = ticket_price(0)
    assert got == 6, f"ticket_price(0): expected 6, got {got!r}"
