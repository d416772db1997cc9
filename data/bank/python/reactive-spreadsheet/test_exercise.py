from solution import CycleError, Spreadsheet


def add(*values):
    return sum(values)


def expect(error, action, what):
    try:
        action()
    except error:
        return
    raise AssertionError(f"expected {error.__name__}: {what}")


def test_values_and_empty_cells():
    sheet = Spreadsheet()
    assert sheet.get("A1") == 0, "an empty cell is 0"
    sheet.set_value("A1", 2)
    sheet.set_value("B7", "text")
    assert sheet.get("A1") == 2 and sheet.get("B7") == "text"
    sheet.set_value("A1", 5)
    assert sheet.get("A1") == 5


def test_formula_and_chained_updates():
    sheet = Spreadsheet()
    sheet.set_value("A1", 2)
    sheet.set_value("B1", 3)
    sheet.set_formula("C1", ["A1", "B1"], lambda a, b: a + b)
    sheet.set_formula("D1", ["C1"], lambda c: c * 10)
    assert sheet.get("D1") == 50, f"expected 50, got {sheet.get('D1')!r}"
    sheet.set_value("A1", 7)
    assert sheet.get("C1") == 10 and sheet.get("D1") == 100, (
        f"expected C1 = 10 and D1 = 100, got C1 = {sheet.get('C1')!r} and D1 = {sheet.get('D1')!r}"
    )


def test_inputs_order_empty_inputs_and_empty_cells():
    sheet = Spreadsheet()
    sheet.set_value("A1", 10)
    sheet.set_value("A2", 4)
    sheet.set_formula("A3", ["A2", "A1"], lambda x, y: x - y)
    assert sheet.get("A3") == -6, f"inputs must be passed in order, got {sheet.get('A3')!r}"
    sheet.set_formula("Z9", [], lambda: 42)
    assert sheet.get("Z9") == 42
    sheet.set_formula("B1", ["Q5", "A1"], add)
    assert sheet.get("B1") == 10, "an empty input counts as 0"


def test_formula_replaced_by_value_and_clear():
    sheet = Spreadsheet()
    sheet.set_value("A1", 1)
    sheet.set_formula("B1", ["A1"], lambda a: a + 1)
    sheet.set_formula("C1", ["B1"], lambda b: b * 2)
    assert sheet.get("C1") == 4
    sheet.set_value("B1", 100)
    assert sheet.get("C1") == 200, f"expected 200, got {sheet.get('C1')!r}"
    sheet.clear("B1")
    assert sheet.get("B1") == 0 and sheet.get("C1") == 0, (
        f"expected B1 = 0 and C1 = 0, got B1 = {sheet.get('B1')!r} and C1 = {sheet.get('C1')!r}"
    )
    assert sheet.dependents("A1") == [], "B1 no longer has a formula"


def test_dependents_are_transitive_and_sorted():
    sheet = Spreadsheet()
    sheet.set_formula("B2", ["A1"], add)
    sheet.set_formula("C3", ["B2"], add)
    sheet.set_formula("AA1", ["A1", "C3"], add)
    sheet.set_formula("D4", ["Z1"], add)
    got = sheet.dependents("A1")
    assert got == ["AA1", "B2", "C3"], f"expected ['AA1', 'B2', 'C3'], got {got!r}"
    assert sheet.dependents("C3") == ["AA1"]
    assert sheet.dependents("D4") == []


def test_self_reference_is_a_cycle():
    sheet = Spreadsheet()
    expect(CycleError, lambda: sheet.set_formula("A1", ["A1"], add), 'sheet.set_formula("A1", ["A1"], add)')
    expect(ValueError, lambda: sheet.set_formula("A1", ["B1", "A1"], add), 'sheet.set_formula("A1", ["B1", "A1"], add)')   # CycleError is a ValueError
    assert sheet.get("A1") == 0


def test_indirect_cycle_leaves_sheet_unchanged():
    sheet = Spreadsheet()
    sheet.set_value("A1", 2)
    sheet.set_formula("B1", ["A1"], lambda a: a * 3)
    sheet.set_formula("C1", ["B1"], lambda b: b + 1)
    assert sheet.get("C1") == 7
    expect(CycleError, lambda: sheet.set_formula("A1", ["C1"], add), 'sheet.set_formula("A1", ["C1"], add)')
    assert sheet.get("A1") == 2 and sheet.get("C1") == 7, "a rejected formula must change nothing"
    assert sheet.dependents("C1") == [], f"expected [], got {sheet.dependents('C1')!r}"


def test_breaking_a_chain_allows_the_formula():
    sheet = Spreadsheet()
    sheet.set_formula("B1", ["A1"], lambda a: a + 1)
    expect(CycleError, lambda: sheet.set_formula("A1", ["B1"], add), 'sheet.set_formula("A1", ["B1"], add)')
    sheet.set_value("B1", 5)          # B1 no longer depends on A1
    sheet.set_formula("A1", ["B1"], lambda b: b * 2)
    assert sheet.get("A1") == 10, f"expected 10, got {sheet.get('A1')!r}"


def test_evaluation_is_lazy_and_cached():
    sheet = Spreadsheet()
    sheet.set_value("A1", 1)
    sheet.set_formula("B1", ["A1"], lambda a: a * 2)
    sheet.set_formula("C1", ["B1"], lambda b: b + 1)
    assert sheet.evaluations == 0, "set_formula must not evaluate"
    assert sheet.get("C1") == 3
    assert sheet.evaluations == 2, f"expected 2 evaluations, got {sheet.evaluations}"
    assert sheet.get("C1") == 3 and sheet.get("B1") == 2
    assert sheet.evaluations == 2, f"cached values must be reused, got {sheet.evaluations}"


def test_only_dependent_caches_are_invalidated():
    sheet = Spreadsheet()
    sheet.set_value("A1", 1)
    sheet.set_value("X1", 100)
    sheet.set_formula("B1", ["A1"], lambda a: a * 2)
    sheet.set_formula("C1", ["B1"], lambda b: b + 1)
    sheet.set_formula("Y1", ["X1"], lambda x: -x)
    sheet.get("C1")
    sheet.get("Y1")
    assert sheet.evaluations == 3
    sheet.set_value("X1", 5)                     # unrelated to B1 and C1
    assert sheet.get("C1") == 3 and sheet.evaluations == 3, (
        f"expected C1 = 3 and evaluations still 3, got {sheet.evaluations} evaluations"
    )
    assert sheet.get("Y1") == -5 and sheet.evaluations == 4, (
        f"expected Y1 = -5 and 4 evaluations, got {sheet.evaluations} evaluations"
    )
    sheet.set_value("A1", 10)
    assert sheet.get("B1") == 20 and sheet.evaluations == 5, (
        f"expected B1 = 20 and 5 evaluations, got {sheet.evaluations} evaluations"
    )
    assert sheet.get("C1") == 21 and sheet.evaluations == 6, (
        f"expected C1 = 21 and 6 evaluations, got {sheet.evaluations} evaluations"
    )


def test_invalid_cell_names():
    sheet = Spreadsheet()
    for bad in ("a1", "A0", "1A", "", "A01", "A 1"):
        expect(ValueError, lambda: sheet.set_value(bad, 1), f"set_value({bad!r}, 1)")
        expect(ValueError, lambda: sheet.get(bad), f"get({bad!r})")
    expect(ValueError, lambda: sheet.set_formula("B1", ["A1", "oops"], add), 'sheet.set_formula("B1", ["A1", "oops"], add)')
    assert sheet.dependents("A1") == [], "a rejected formula must not be stored"
