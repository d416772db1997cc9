from solution import Store


def test_set_get_and_default():
    store = Store()
    store.set("theme", "dark")
    store.set("theme", "light")
    got = store.get("theme")
    assert got == "light", f"expected 'light', got {got!r}"
    got = store.get("missing")
    assert got is None, f"expected None, got {got!r}"
    got = store.get("missing", 0)
    assert got == 0, f"expected 0, got {got!r}"


def test_delete_and_missing_key():
    store = Store()
    store.set("beta", True)
    store.delete("beta")
    got = store.get("beta", "gone")
    assert got == "gone", f"expected 'gone', got {got!r}"
    try:
        store.delete("beta")
    except KeyError:
        return
    raise AssertionError("expected KeyError when deleting a missing key")


def test_count_follows_every_change():
    store = Store()
    store.set("a", "on")
    store.set("b", "on")
    store.set("c", "off")
    got = store.count("on")
    assert got == 2, f"expected 2, got {got!r}"
    store.set("a", "off")
    store.delete("b")
    got = (store.count("on"), store.count("off"), store.count("never used"))
    assert got == (0, 2, 0), f"expected (0, 2, 0), got {got!r}"


def test_readme_example():
    store = Store()
    store.set("theme", "dark")
    store.begin()
    store.set("theme", "light")
    store.set("font", "mono")
    got = store.count("light")
    assert got == 1, f"expected 1, got {got!r}"
    store.begin()
    store.delete("font")
    got = store.get("font")
    assert got is None, f"expected None, got {got!r}"
    store.rollback()
    got = store.get("font")
    assert got == "mono", f"expected 'mono', got {got!r}"
    got = store.depth()
    assert got == 1, f"expected depth 1, got {got!r}"
    store.rollback()
    got = (store.get("theme"), store.get("font", "none"), store.depth())
    assert got == ("dark", "none", 0), f"expected ('dark', 'none', 0), got {got!r}"


def test_rollback_restores_data_and_counts():
    store = Store()
    store.set("x", 1)
    store.set("y", 2)
    store.begin()
    store.set("x", 2)
    store.set("x", 3)
    store.delete("y")
    store.set("y", 3)
    store.set("z", 3)
    got = store.count(3)
    assert got == 3, f"expected 3, got {got!r}"
    store.rollback()
    got = (store.get("x"), store.get("y"), store.get("z"))
    assert got == (1, 2, None), f"expected (1, 2, None), got {got!r}"
    got = (store.count(1), store.count(2), store.count(3))
    assert got == (1, 1, 0), f"expected (1, 1, 0), got {got!r}"


def test_commit_keeps_changes():
    store = Store()
    store.set("x", "old")
    store.begin()
    store.set("x", "new")
    store.set("y", "new")
    store.commit()
    got = (store.get("x"), store.get("y"), store.count("new"), store.depth())
    assert got == ("new", "new", 2, 0), f"expected ('new', 'new', 2, 0), got {got!r}"


def test_nested_rollback_only_undoes_the_inner_transaction():
    store = Store()
    store.begin()
    store.set("a", 1)
    store.begin()
    store.set("a", 2)
    store.set("b", 2)
    store.rollback()
    got = (store.get("a"), store.get("b"), store.count(2), store.depth())
    assert got == (1, None, 0, 1), f"expected (1, None, 0, 1), got {got!r}"


def test_outer_rollback_undoes_a_committed_inner_transaction():
    store = Store()
    store.set("a", "base")
    store.begin()
    store.set("b", "outer")
    store.begin()
    store.set("a", "inner")
    store.delete("b")
    store.commit()
    got = (store.get("a"), store.get("b"), store.depth())
    assert got == ("inner", None, 1), f"expected ('inner', None, 1), got {got!r}"
    store.rollback()
    got = (store.get("a"), store.get("b"), store.count("base"), store.count("inner"), store.depth())
    assert got == ("base", None, 1, 0, 0), f"expected ('base', None, 1, 0, 0), got {got!r}"


def test_three_levels_rolled_back_one_at_a_time():
    store = Store()
    store.set("level", 0)
    for value in [1, 2, 3]:
        store.begin()
        store.set("level", value)
    seen = []
    while store.depth():
        store.rollback()
        seen.append(store.get("level"))
    assert seen == [2, 1, 0], f"expected [2, 1, 0], got {seen!r}"


def test_rollback_and_commit_without_a_transaction_raise_runtime_error():
    store = Store()
    store.set("a", 1)
    for name in ["rollback", "commit"]:
        try:
            getattr(store, name)()
        except RuntimeError:
            continue
        raise AssertionError(f"expected RuntimeError from {name}() with no open transaction")
    got = store.get("a")
    assert got == 1, f"expected 1, got {got!r}"
