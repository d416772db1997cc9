from solution import sort_records

PEOPLE = [
    {"name": "Ana", "age": 31, "team": "red"},
    {"name": "Bo", "age": 25, "team": "blue"},
    {"name": "Cy", "age": 31, "team": "blue"},
    {"name": "Di", "age": 25, "team": "red"},
]


def names(records):
    return [r["name"] for r in records]


def test_single_field_ascending():
    got = names(sort_records(PEOPLE, ["age"]))
    assert got == ["Bo", "Di", "Ana", "Cy"], f"expected ['Bo', 'Di', 'Ana', 'Cy'], got {got!r}"


def test_single_field_descending():
    got = names(sort_records(PEOPLE, ["-age"]))
    assert got == ["Ana", "Cy", "Bo", "Di"], f"ties must keep their original order, got {got!r}"


def test_descending_strings():
    got = names(sort_records(PEOPLE, ["-name"]))
    assert got == ["Di", "Cy", "Bo", "Ana"], f"expected ['Di', 'Cy', 'Bo', 'Ana'], got {got!r}"


def test_two_fields_mixed_directions():
    got = names(sort_records(PEOPLE, ["-age", "name"]))
    assert got == ["Ana", "Cy", "Bo", "Di"], f"expected ['Ana', 'Cy', 'Bo', 'Di'], got {got!r}"
    got = names(sort_records(PEOPLE, ["age", "-name"]))
    assert got == ["Di", "Bo", "Cy", "Ana"], f"expected ['Di', 'Bo', 'Cy', 'Ana'], got {got!r}"


def test_string_field_descending_then_number_descending():
    got = names(sort_records(PEOPLE, ["-team", "-age"]))
    assert got == ["Ana", "Di", "Cy", "Bo"], f"expected ['Ana', 'Di', 'Cy', 'Bo'], got {got!r}"


def test_full_records_returned():
    got = sort_records(PEOPLE[:2], ["age"])
    assert got == [PEOPLE[1], PEOPLE[0]], f"expected the full records of Bo then Ana, got {got!r}"


def test_no_fields_keeps_order():
    got = names(sort_records(PEOPLE, []))
    assert got == ["Ana", "Bo", "Cy", "Di"], f"expected ['Ana', 'Bo', 'Cy', 'Di'], got {got!r}"


def test_empty_records():
    assert sort_records([], ["-age", "name"]) == []


def test_stable_when_all_fields_tie():
    rows = [{"id": i, "group": i % 2} for i in range(6)]
    got = [r["id"] for r in sort_records(rows, ["-group"])]
    assert got == [1, 3, 5, 0, 2, 4], f"expected [1, 3, 5, 0, 2, 4], got {got!r}"


def test_missing_field_raises_key_error():
    try:
        sort_records(PEOPLE, ["salary"])
    except KeyError:
        return
    raise AssertionError("expected KeyError for a missing field")
