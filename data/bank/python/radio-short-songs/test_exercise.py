from solution import radio_friendly

PLAYLIST = [("Blue Monday", 448), ("Hey Ya!", 235), ("Song 2", 122), ("Yesterday", 125)]


def test_default_limit():
    got = radio_friendly(PLAYLIST)
    expected = ["Song 2", "Yesterday"]
    assert got == expected, f"radio_friendly({PLAYLIST!r}): expected {expected!r}, got {got!r}"


def test_custom_limit():
    got = radio_friendly(PLAYLIST, 240)
    expected = ["Hey Ya!", "Song 2", "Yesterday"]
    assert got == expected, f"radio_friendly(the example playlist, 240): expected {expected!r}, got {got!r}"


def test_limit_by_keyword():
    got = radio_friendly(PLAYLIST, max_seconds=500)
    expected = ["Blue Monday", "Hey Ya!", "Song 2", "Yesterday"]
    assert got == expected, f"radio_friendly(the example playlist, max_seconds=500): expected {expected!r}, got {got!r}"


def test_exact_length_fits():
    playlist = [("Exactly", 210), ("One more second", 211)]
    got = radio_friendly(playlist)
    assert got == ["Exactly"], f"radio_friendly({playlist!r}): expected ['Exactly'], got {got!r}"


def test_empty_playlist():
    got = radio_friendly([])
    assert got == [], f"radio_friendly([]): expected [], got {got!r}"


def test_nothing_fits():
    got = radio_friendly(PLAYLIST, 60)
    assert got == [], f"radio_friendly(the example playlist, 60): expected [], got {got!r}"


def test_order_and_repeats_kept():
    playlist = [("Intro", 30), ("Long Jam", 900), ("Outro", 45), ("Intro", 30)]
    got = radio_friendly(playlist)
    expected = ["Intro", "Outro", "Intro"]
    assert got == expected, f"radio_friendly({playlist!r}): expected {expected!r}, got {got!r}"
