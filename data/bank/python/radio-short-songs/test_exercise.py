from solution import radio_friendly

PLAYLIST = [("Blue Monday", 448), ("Hey Ya!", 235), ("Song 2", 122), ("Yesterday", 125)]


def test_default_limit():
    got = radio_friendly(PLAYLIST)
    assert got == ["Song 2", "Yesterday"], f"expected ['Song 2', 'Yesterday'], got {got!r}"


def test_custom_limit():
    got = radio_friendly(PLAYLIST, 240)
    assert got == ["Hey Ya!", "Song 2", "Yesterday"], f"expected ['Hey Ya!', 'Song 2', 'Yesterday'], got {got!r}"


def test_limit_by_keyword():
    got = radio_friendly(PLAYLIST, max_seconds=500)
    expected = ["Blue Monday", "Hey Ya!", "Song 2", "Yesterday"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_exact_length_fits():
    got = radio_friendly([("Exactly", 210), ("One more second", 211)])
    assert got == ["Exactly"], f"expected ['Exactly'], got {got!r}"


def test_empty_playlist():
    got = radio_friendly([])
    assert got == [], f"expected [], got {got!r}"


def test_nothing_fits():
    got = radio_friendly(PLAYLIST, 60)
    assert got == [], f"expected [], got {got!r}"


def test_order_and_repeats_kept():
    playlist = [("Intro", 30), ("Long Jam", 900), ("Outro", 45), ("Intro", 30)]
    got = radio_friendly(playlist)
    assert got == ["Intro", "Outro", "Intro"], f"expected ['Intro', 'Outro', 'Intro'], got {got!r}"
