from solution import Temperature


def close(a, b):
    return abs(a - b) < 1e-9


def test_stores_celsius():
    t = Temperature(25)
    assert t.celsius == 25, f"expected celsius 25, got {t.celsius!r}"


def test_fahrenheit_property():
    assert Temperature(25).fahrenheit == 77.0, f"expected 77.0, got {Temperature(25).fahrenheit!r}"
    assert Temperature(-40).fahrenheit == -40.0, f"expected -40.0, got {Temperature(-40).fahrenheit!r}"
    assert Temperature(0).fahrenheit == 32.0, f"expected 32.0, got {Temperature(0).fahrenheit!r}"


def test_kelvin_property():
    got = Temperature(25).kelvin
    assert close(got, 298.15), f"expected 298.15, got {got!r}"
    got = Temperature(-273.15).kelvin
    assert close(got, 0), f"expected 0, got {got!r}"


def test_from_fahrenheit():
    t = Temperature.from_fahrenheit(212)
    assert isinstance(t, Temperature), "from_fahrenheit should return a Temperature"
    assert close(t.celsius, 100), f"expected 100 °C, got {t.celsius!r}"
    assert close(Temperature.from_fahrenheit(98.6).celsius, 37), "98.6 °F is 37 °C"


def test_from_kelvin():
    t = Temperature.from_kelvin(300)
    assert isinstance(t, Temperature), "from_kelvin should return a Temperature"
    assert close(t.celsius, 26.85), f"expected 26.85 °C, got {t.celsius!r}"
    assert close(Temperature.from_kelvin(0).celsius, -273.15), "0 K is -273.15 °C"


def test_round_trip():
    t = Temperature.from_fahrenheit(Temperature(12.5).fahrenheit)
    assert close(t.celsius, 12.5), f"expected 12.5, got {t.celsius!r}"


def test_warmer_than():
    boiling = Temperature.from_fahrenheit(212)
    room = Temperature(21)
    assert boiling.warmer_than(room) is True
    assert room.warmer_than(boiling) is False
    assert room.warmer_than(Temperature(21)) is False, "equal temperatures are not warmer"


def test_below_absolute_zero_is_rejected():
    attempts = [
        ("Temperature(-300)", lambda: Temperature(-300)),
        ("Temperature(-273.16)", lambda: Temperature(-273.16)),
        ("Temperature.from_kelvin(-1)", lambda: Temperature.from_kelvin(-1)),
        ("Temperature.from_fahrenheit(-500)", lambda: Temperature.from_fahrenheit(-500)),
    ]
    for text, make in attempts:
        try:
            make()
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {text}")
