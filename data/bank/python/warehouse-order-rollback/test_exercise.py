from solution import InventoryError, OrderError, OutOfStockError, Warehouse


def raises(error, call, func, *args):
    """func(*args) must raise `error` (`call` says what was called); return the exception."""
    try:
        got = func(*args)
    except error as e:
        return e
    except Exception as e:
        if type(e).__module__ not in ("builtins", "solution"):  # not raised by the code under test
            raise
        raise AssertionError(f"{call}: expected {error.__name__}, got {type(e).__name__}: {e}") from None
    raise AssertionError(f"{call}: expected {error.__name__}, got {got!r}")


def check_stock(shop, expected, when):
    got = shop.stock
    assert got == expected, f"{when}: expected the stock {expected!r}, got {got!r}"


def test_take_subtracts_and_returns_what_is_left():
    shop = Warehouse({"apple": 5, "pear": 2})
    got = shop.take("apple", 3)
    assert got == 2, f"Warehouse({{'apple': 5, 'pear': 2}}).take('apple', 3): expected 2, got {got!r}"
    got = shop.take("pear", 2)
    assert got == 0, f"then take('pear', 2): expected 0, got {got!r}"
    check_stock(shop, {"apple": 2, "pear": 0}, "after take('apple', 3) and take('pear', 2)")


def test_out_of_stock_error_details():
    shop = Warehouse({"apple": 5, "pear": 2})
    call = "Warehouse({'apple': 5, 'pear': 2}).take('pear', 5)"
    e = raises(OutOfStockError, call, shop.take, "pear", 5)
    got = (e.item, e.requested, e.available)
    assert got == ("pear", 5, 2), f"{call}: expected the error's (item, requested, available) ('pear', 5, 2), got {got!r}"
    expected = "cannot take 5 of 'pear': only 2 left"
    assert str(e) == expected, f"{call}: expected the message {expected!r}, got {str(e)!r}"
    assert isinstance(e, InventoryError), "OutOfStockError must be a subclass of InventoryError"
    check_stock(shop, {"apple": 5, "pear": 2}, f"after {call} failed")


def test_unknown_item_has_none_available():
    shop = Warehouse({"apple": 5})
    call = "Warehouse({'apple': 5}).take('kiwi', 1)"
    e = raises(OutOfStockError, call, shop.take, "kiwi", 1)
    expected = "cannot take 1 of 'kiwi': only 0 left"
    assert str(e) == expected, f"{call}: expected the message {expected!r}, got {str(e)!r}"
    check_stock(shop, {"apple": 5}, f"after {call} failed (a missing item is not added)")


def test_take_rejects_quantities_below_one():
    for quantity in (0, -3):
        shop = Warehouse({"apple": 5})
        call = f"Warehouse({{'apple': 5}}).take('apple', {quantity})"
        raises(ValueError, call, shop.take, "apple", quantity)
        check_stock(shop, {"apple": 5}, f"after {call} failed")


def test_transaction_keeps_changes_and_returns_the_result():
    shop = Warehouse({"apple": 5, "pear": 2})

    def basket(w):
        w.take("apple", 2)
        w.take("pear", 1)
        return "basket ready"

    call = "Warehouse({'apple': 5, 'pear': 2}).run_in_transaction(basket), where basket takes 2 apples and 1 pear"
    got = shop.run_in_transaction(basket)
    assert got == "basket ready", f"{call}: expected basket's result 'basket ready', got {got!r}"
    check_stock(shop, {"apple": 3, "pear": 1}, f"after {call}")


def test_transaction_rolls_back_and_reraises():
    shop = Warehouse({"apple": 5, "pear": 2})

    def change_of_mind(w):
        w.take("apple", 4)
        w.take("pear", 2)
        raise RuntimeError("changed my mind")

    call = ("Warehouse({'apple': 5, 'pear': 2}).run_in_transaction(change_of_mind), where change_of_mind "
            "takes 4 apples and 2 pears, then raises RuntimeError('changed my mind')")
    e = raises(RuntimeError, call, shop.run_in_transaction, change_of_mind)
    assert str(e) == "changed my mind", f"{call}: expected the action's own error 'changed my mind', got {str(e)!r}"
    check_stock(shop, {"apple": 5, "pear": 2}, f"after {call}")

    def bad_quantity(w):
        w.take("apple", 1)
        w.take("pear", 0)

    call = "then run_in_transaction(bad_quantity), where bad_quantity calls take('apple', 1) and take('pear', 0)"
    raises(ValueError, call, shop.run_in_transaction, bad_quantity)
    check_stock(shop, {"apple": 5, "pear": 2}, f"after {call}")


def test_fulfil_success():
    shop = Warehouse({"apple": 5, "pear": 2, "plum": 1})
    call = "Warehouse({'apple': 5, 'pear': 2, 'plum': 1}).fulfil([('apple', 2), ('pear', 1)])"
    got = shop.fulfil([("apple", 2), ("pear", 1)])
    expected = {"apple": 3, "pear": 1}
    assert got == expected, f"{call}: expected {expected!r} (only the items of the order), got {got!r}"
    check_stock(shop, {"apple": 3, "pear": 1, "plum": 1}, f"after {call}")
    got = shop.fulfil([])
    assert got == {}, f"fulfil([]): expected {{}} for an empty order, got {got!r}"


def test_fulfil_failure_is_wrapped_and_rolled_back():
    shop = Warehouse({"apple": 3, "pear": 1})
    call = "Warehouse({'apple': 3, 'pear': 1}).fulfil([('apple', 1), ('kiwi', 1)])"
    e = raises(OrderError, call, shop.fulfil, [("apple", 1), ("kiwi", 1)])
    got = (e.line, e.reason)
    expected = (2, "cannot take 1 of 'kiwi': only 0 left")
    assert got == expected, f"{call}: expected the error's (line, reason) {expected!r}, got {got!r}"
    expected = "order line 2: cannot take 1 of 'kiwi': only 0 left"
    assert str(e) == expected, f"{call}: expected the message {expected!r}, got {str(e)!r}"
    assert isinstance(e, InventoryError), "OrderError must be a subclass of InventoryError"
    check_stock(shop, {"apple": 3, "pear": 1}, f"after {call} failed (the apple goes back)")


def test_fulfil_same_item_on_several_lines():
    shop = Warehouse({"apple": 5})
    call = "Warehouse({'apple': 5}).fulfil([('apple', 3), ('apple', 3)])"
    e = raises(OrderError, call, shop.fulfil, [("apple", 3), ("apple", 3)])
    expected = "order line 2: cannot take 3 of 'apple': only 2 left"
    assert str(e) == expected, f"{call}: expected the message {expected!r}, got {str(e)!r}"
    check_stock(shop, {"apple": 5}, f"after {call} failed")
    got = shop.fulfil([("apple", 2), ("apple", 2)])
    assert got == {"apple": 1}, f"then fulfil([('apple', 2), ('apple', 2)]): expected {{'apple': 1}}, got {got!r}"


def test_fulfil_other_errors_are_not_wrapped_but_rolled_back():
    shop = Warehouse({"apple": 5, "pear": 2})
    call = "Warehouse({'apple': 5, 'pear': 2}).fulfil([('apple', 2), ('pear', 0)])"
    raises(ValueError, call, shop.fulfil, [("apple", 2), ("pear", 0)])
    check_stock(shop, {"apple": 5, "pear": 2}, f"after {call} failed")
