from solution import InventoryError, OrderError, OutOfStockError, Warehouse


def test_take_subtracts_and_returns_what_is_left():
    shop = Warehouse({"apple": 5, "pear": 2})
    got = shop.take("apple", 3)
    assert got == 2, f"expected 2, got {got!r}"
    got = shop.take("pear", 2)
    assert got == 0, f"expected 0, got {got!r}"
    got = shop.stock
    assert got == {"apple": 2, "pear": 0}, f"expected {{'apple': 2, 'pear': 0}}, got {got!r}"


def test_out_of_stock_error_details():
    shop = Warehouse({"apple": 5, "pear": 2})
    try:
        shop.take("pear", 5)
    except OutOfStockError as e:
        got = (e.item, e.requested, e.available)
        assert got == ("pear", 5, 2), f"expected ('pear', 5, 2), got {got!r}"
        assert str(e) == "cannot take 5 of 'pear': only 2 left", (
            f"expected \"cannot take 5 of 'pear': only 2 left\", got {str(e)!r}"
        )
        assert isinstance(e, InventoryError), "OutOfStockError must be a subclass of InventoryError"
        got = shop.stock
        assert got == {"apple": 5, "pear": 2}, f"a failed take must not change the stock, got {got!r}"
        return
    raise AssertionError("expected OutOfStockError")


def test_unknown_item_has_none_available():
    shop = Warehouse({"apple": 5})
    try:
        shop.take("kiwi", 1)
    except OutOfStockError as e:
        assert str(e) == "cannot take 1 of 'kiwi': only 0 left", (
            f"expected \"cannot take 1 of 'kiwi': only 0 left\", got {str(e)!r}"
        )
        got = shop.stock
        assert got == {"apple": 5}, f"expected the stock unchanged, got {got!r}"
        return
    raise AssertionError("expected OutOfStockError for an unknown item")


def test_take_rejects_quantities_below_one():
    for quantity in (0, -3):
        shop = Warehouse({"apple": 5})
        try:
            shop.take("apple", quantity)
        except ValueError:
            got = shop.stock
            assert got == {"apple": 5}, f"expected the stock unchanged, got {got!r}"
            continue
        raise AssertionError(f"expected ValueError for quantity {quantity}")


def test_transaction_keeps_changes_and_returns_the_result():
    shop = Warehouse({"apple": 5, "pear": 2})

    def basket(w):
        w.take("apple", 2)
        w.take("pear", 1)
        return "basket ready"

    got = shop.run_in_transaction(basket)
    assert got == "basket ready", f"expected 'basket ready', got {got!r}"
    got = shop.stock
    assert got == {"apple": 3, "pear": 1}, f"expected {{'apple': 3, 'pear': 1}}, got {got!r}"


def test_transaction_rolls_back_and_reraises():
    shop = Warehouse({"apple": 5, "pear": 2})

    def change_of_mind(w):
        w.take("apple", 4)
        w.take("pear", 2)
        raise RuntimeError("changed my mind")

    try:
        shop.run_in_transaction(change_of_mind)
    except RuntimeError as e:
        assert str(e) == "changed my mind", f"expected the action's own error, got {str(e)!r}"
        got = shop.stock
        assert got == {"apple": 5, "pear": 2}, f"expected the stock rolled back, got {got!r}"
    else:
        raise AssertionError("expected the RuntimeError to reach the caller")

    def bad_quantity(w):
        w.take("apple", 1)
        w.take("pear", 0)

    try:
        shop.run_in_transaction(bad_quantity)
    except ValueError:
        got = shop.stock
        assert got == {"apple": 5, "pear": 2}, f"expected the stock rolled back, got {got!r}"
        return
    raise AssertionError("expected the ValueError raised by take to reach the caller")


def test_fulfil_success():
    shop = Warehouse({"apple": 5, "pear": 2, "plum": 1})
    got = shop.fulfil([("apple", 2), ("pear", 1)])
    assert got == {"apple": 3, "pear": 1}, f"expected {{'apple': 3, 'pear': 1}}, got {got!r}"
    got = shop.stock
    assert got == {"apple": 3, "pear": 1, "plum": 1}, f"expected {{'apple': 3, 'pear': 1, 'plum': 1}}, got {got!r}"
    got = shop.fulfil([])
    assert got == {}, f"expected {{}} for an empty order, got {got!r}"


def test_fulfil_failure_is_wrapped_and_rolled_back():
    shop = Warehouse({"apple": 3, "pear": 1})
    try:
        shop.fulfil([("apple", 1), ("kiwi", 1)])
    except OrderError as e:
        got = (e.line, e.reason)
        assert got == (2, "cannot take 1 of 'kiwi': only 0 left"), (
            f"expected (2, \"cannot take 1 of 'kiwi': only 0 left\"), got {got!r}"
        )
        assert str(e) == "order line 2: cannot take 1 of 'kiwi': only 0 left", f"unexpected message {str(e)!r}"
        assert isinstance(e, InventoryError), "OrderError must be a subclass of InventoryError"
        got = shop.stock
        assert got == {"apple": 3, "pear": 1}, f"expected the stock rolled back, got {got!r}"
        return
    raise AssertionError("expected OrderError")


def test_fulfil_same_item_on_several_lines():
    shop = Warehouse({"apple": 5})
    try:
        shop.fulfil([("apple", 3), ("apple", 3)])
    except OrderError as e:
        assert str(e) == "order line 2: cannot take 3 of 'apple': only 2 left", f"unexpected message {str(e)!r}"
        got = shop.stock
        assert got == {"apple": 5}, f"expected the stock rolled back, got {got!r}"
    else:
        raise AssertionError("expected OrderError")
    got = shop.fulfil([("apple", 2), ("apple", 2)])
    assert got == {"apple": 1}, f"expected {{'apple': 1}}, got {got!r}"


def test_fulfil_other_errors_are_not_wrapped_but_rolled_back():
    shop = Warehouse({"apple": 5, "pear": 2})
    try:
        shop.fulfil([("apple", 2), ("pear", 0)])
    except OrderError:
        raise AssertionError("a ValueError must not be turned into an OrderError")
    except ValueError:
        got = shop.stock
        assert got == {"apple": 5, "pear": 2}, f"expected the stock rolled back, got {got!r}"
        return
    raise AssertionError("expected ValueError for a quantity of 0")
