from solution import LRUCache


def test_get_after_put():
    cache = LRUCache(3)
    cache.put("x", 10)
    got = cache.get("x")
    assert got == 10, f"expected 10, got {got!r}"


def test_missing_key_gives_default():
    cache = LRUCache(2)
    assert cache.get("nope") is None, "missing key should give None"
    got = cache.get("nope", -1)
    assert got == -1, f"expected the default -1, got {got!r}"


def test_readme_example():
    cache = LRUCache(2)
    assert cache.put("a", 1) is None, "no eviction expected"
    assert cache.put("b", 2) is None, "no eviction expected"
    assert cache.get("a") == 1
    evicted = cache.put("c", 3)
    assert evicted == "b", f"expected 'b' to be evicted, got {evicted!r}"
    assert cache.keys() == ["a", "c"], f"expected ['a', 'c'], got {cache.keys()!r}"
    assert ("b" in cache) is False, "'b' should be gone"
    assert cache.get("b", 0) == 0


def test_eviction_without_gets_is_oldest_put():
    cache = LRUCache(2)
    cache.put(1, "one")
    cache.put(2, "two")
    evicted = cache.put(3, "three")
    assert evicted == 1, f"expected 1 to be evicted, got {evicted!r}"
    assert cache.keys() == [2, 3], f"expected [2, 3], got {cache.keys()!r}"


def test_update_counts_as_use_and_does_not_evict():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    evicted = cache.put("a", 100)
    assert evicted is None, f"updating should not evict, got {evicted!r}"
    assert cache.get("a") == 100, "value should be replaced"
    assert cache.keys() == ["b", "a"], f"expected ['b', 'a'], got {cache.keys()!r}"
    assert cache.put("c", 3) == "b", "'b' should now be the least recently used"


def test_contains_and_len_do_not_count_as_use():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert ("a" in cache) is True
    assert len(cache) == 2, f"expected 2 entries, got {len(cache)}"
    evicted = cache.put("c", 3)
    assert evicted == "a", f"'in' must not refresh 'a'; expected 'a' evicted, got {evicted!r}"


def test_failed_get_changes_nothing():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("zzz")
    assert cache.keys() == ["a", "b"], f"expected ['a', 'b'], got {cache.keys()!r}"
    assert len(cache) == 2


def test_capacity_one():
    cache = LRUCache(1)
    cache.put("a", 1)
    assert cache.put("b", 2) == "a"
    assert cache.keys() == ["b"], f"expected ['b'], got {cache.keys()!r}"
    assert len(cache) == 1


def test_long_sequence_of_operations():
    cache = LRUCache(3)
    evictions = []
    for key in [1, 2, 3, 1, 4, 2, 5, 1]:
        if cache.get(key) is None:
            evictions.append(cache.put(key, key * key))
    assert evictions == [None, None, None, 2, 3, 1, 4], f"expected [None, None, None, 2, 3, 1, 4], got {evictions!r}"
    assert cache.keys() == [2, 5, 1], f"expected [2, 5, 1], got {cache.keys()!r}"


def test_rejects_capacity_below_one():
    try:
        LRUCache(0)
    except ValueError:
        return
    raise AssertionError("expected ValueError for capacity 0")
