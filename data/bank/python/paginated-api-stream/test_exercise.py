from solution import pages, paginate

PHOTOS = {
    None: (["sunset", "harbour"], "c2"),
    "c2": (["lighthouse", "gull"], "c3"),
    "c3": (["pier"], None),
}


def fake_api(responses):
    """Return (fetch_page, calls): a fake API answering from `responses`, and the list of
    cursors it was asked for, in order."""
    calls = []

    def fetch_page(cursor):
        calls.append(cursor)
        return responses[cursor]

    return fetch_page, calls


def test_pages_yields_each_page_in_order():
    fetch_page, calls = fake_api(PHOTOS)
    got = list(pages(fetch_page))
    expected = [["sunset", "harbour"], ["lighthouse", "gull"], ["pier"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"
    assert calls == [None, "c2", "c3"], f"expected fetches [None, 'c2', 'c3'], got {calls!r}"


def test_pages_fetches_one_page_per_next():
    fetch_page, calls = fake_api(PHOTOS)
    stream = pages(fetch_page)
    assert calls == [], f"creating the generator must fetch nothing, got fetches {calls!r}"
    got = next(stream)
    assert got == ["sunset", "harbour"], f"expected ['sunset', 'harbour'], got {got!r}"
    assert calls == [None], f"expected fetches [None], got {calls!r}"


def test_paginate_yields_every_item_in_order():
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page))
    expected = ["sunset", "harbour", "lighthouse", "gull", "pier"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_paginate_fetches_only_when_needed():
    fetch_page, calls = fake_api(PHOTOS)
    results = paginate(fetch_page)
    assert calls == [], f"creating the generator must fetch nothing, got fetches {calls!r}"
    got = [next(results), next(results)]
    assert got == ["sunset", "harbour"], f"expected ['sunset', 'harbour'], got {got!r}"
    assert calls == [None], f"the first page is enough so far, got fetches {calls!r}"
    got = next(results)
    assert got == "lighthouse", f"expected 'lighthouse', got {got!r}"
    assert calls == [None, "c2"], f"expected fetches [None, 'c2'], got {calls!r}"


def test_empty_pages_are_skipped():
    fetch_page, calls = fake_api({None: ([], "a"), "a": ([], "b"), "b": (["only"], "c"), "c": ([], None)})
    got = list(paginate(fetch_page))
    assert got == ["only"], f"expected ['only'], got {got!r}"
    got = list(pages(fake_api({None: ([], None)})[0]))
    assert got == [[]], f"a single empty page is still a page: expected [[]], got {got!r}"


def test_limit_stops_without_fetching_more():
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page, limit=2))
    assert got == ["sunset", "harbour"], f"expected ['sunset', 'harbour'], got {got!r}"
    assert calls == [None], f"the limit was reached on the first page, got fetches {calls!r}"
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page, limit=3))
    assert got == ["sunset", "harbour", "lighthouse"], f"expected 3 items, got {got!r}"
    assert calls == [None, "c2"], f"expected fetches [None, 'c2'], got {calls!r}"


def test_limit_zero_and_large_limits():
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page, limit=0))
    assert got == [] and calls == [], f"limit=0: expected no items and no fetches, got {got!r} and {calls!r}"
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page, limit=50))
    assert got == ["sunset", "harbour", "lighthouse", "gull", "pier"], f"expected all 5 items, got {got!r}"


def test_negative_limit_raises_value_error():
    fetch_page, calls = fake_api(PHOTOS)
    try:
        list(paginate(fetch_page, limit=-1))
    except ValueError:
        return
    raise AssertionError("expected ValueError for limit=-1")


def test_repeated_cursor_raises_runtime_error():
    looping = {None: (["a"], "x"), "x": (["b"], "y"), "y": (["c"], "x")}
    fetch_page, calls = fake_api(looping)
    stream = pages(fetch_page)
    got = [next(stream), next(stream), next(stream)]
    assert got == [["a"], ["b"], ["c"]], f"expected [['a'], ['b'], ['c']] before the loop is noticed, got {got!r}"
    try:
        next(stream)
    except RuntimeError:
        assert calls == [None, "x", "y"], f"'x' must not be fetched twice, got fetches {calls!r}"
        return
    raise AssertionError("expected RuntimeError when the cursor 'x' comes back")


def test_paginate_reports_a_repeated_cursor_after_the_items():
    looping = {None: (["a"], "x"), "x": (["b"], "x")}
    fetch_page, calls = fake_api(looping)
    received = []
    try:
        for item in paginate(fetch_page):
            received.append(item)
    except RuntimeError:
        assert received == ["a", "b"], f"expected ['a', 'b'] before the error, got {received!r}"
        return
    raise AssertionError("expected RuntimeError when the cursor 'x' comes back")
