from solution import pages, paginate

# The pages of the README's example, by cursor.
PHOTOS = {
    None: (["sunset", "harbour"], "c2"),
    "c2": (["lighthouse", "gull"], "c3"),
    "c3": (["pier"], None),
}
ALL_PHOTOS = ["sunset", "harbour", "lighthouse", "gull", "pier"]
LOOPING = {None: (["a"], "x"), "x": (["b"], "y"), "y": (["c"], "x")}  # 'y' sends back to 'x'


def fake_api(responses):
    """Return (fetch_page, calls): a fake API answering from `responses`, and the list of
    cursors it was asked for, in order. Fetching a cursor twice fails the test."""
    calls = []

    def fetch_page(cursor):
        if cursor in calls:
            raise AssertionError(
                f"the cursor {cursor!r} was fetched a second time (fetches so far: {calls!r}); "
                f"a next_cursor that was already fetched must raise RuntimeError instead"
            )
        calls.append(cursor)
        return responses[cursor]

    return fetch_page, calls


def take(stream, count, call):
    """The next `count` values of `stream`, failing clearly if it stops or raises early."""
    got = []
    for _ in range(count):
        try:
            got.append(next(stream))
        except StopIteration:
            raise AssertionError(f"{call}: stopped after {got!r}, expected {count} values") from None
        except RuntimeError as exc:
            raise AssertionError(
                f"{call}: raised RuntimeError ({exc}) after only {got!r}; every page and item "
                f"received before the repeated cursor must be yielded first"
            ) from None
    return got


def test_pages_yields_each_page_in_order():
    fetch_page, calls = fake_api(PHOTOS)
    got = list(pages(fetch_page))
    expected = [["sunset", "harbour"], ["lighthouse", "gull"], ["pier"]]
    assert got == expected, f"list(pages(fetch_page)) with the README's pages: expected {expected!r}, got {got!r}"
    expected = [None, "c2", "c3"]
    assert calls == expected, f"list(pages(fetch_page)): expected the fetches {expected!r}, got {calls!r}"


def test_pages_fetches_one_page_per_next():
    fetch_page, calls = fake_api(PHOTOS)
    stream = pages(fetch_page)
    assert calls == [], f"pages(fetch_page): creating the generator must fetch nothing, got the fetches {calls!r}"
    got = next(stream)
    assert got == ["sunset", "harbour"], f"first next() of pages(fetch_page): expected ['sunset', 'harbour'], got {got!r}"
    assert calls == [None], f"first next() of pages(fetch_page): expected the fetches [None] only, got {calls!r}"
    got = next(stream)
    assert got == ["lighthouse", "gull"], f"second next() of pages(fetch_page): expected ['lighthouse', 'gull'], got {got!r}"
    assert calls == [None, "c2"], f"second next() of pages(fetch_page): expected the fetches [None, 'c2'], got {calls!r}"


def test_paginate_yields_every_item_in_order():
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page))
    assert got == ALL_PHOTOS, f"list(paginate(fetch_page)) with the README's pages: expected {ALL_PHOTOS!r}, got {got!r}"


def test_paginate_fetches_only_when_needed():
    fetch_page, calls = fake_api(PHOTOS)
    results = paginate(fetch_page)
    assert calls == [], f"paginate(fetch_page): creating the generator must fetch nothing, got the fetches {calls!r}"
    got = take(results, 2, "paginate(fetch_page)")
    assert got == ["sunset", "harbour"], f"paginate(fetch_page): expected 'sunset', 'harbour' first, got {got!r}"
    assert calls == [None], (
        f"paginate(fetch_page) after 2 items: the first page is enough so far, expected the fetches [None], got {calls!r}"
    )
    got = next(results)
    assert got == "lighthouse", f"paginate(fetch_page): expected 'lighthouse' as the third item, got {got!r}"
    assert calls == [None, "c2"], f"paginate(fetch_page) after 3 items: expected the fetches [None, 'c2'], got {calls!r}"


def test_empty_pages():
    responses = {None: ([], "a"), "a": ([], "b"), "b": (["only"], "c"), "c": ([], None)}
    fetch_page, calls = fake_api(responses)
    got = list(paginate(fetch_page))
    assert got == ["only"], f"list(paginate(fetch_page)) with pages [], [], ['only'], []: expected ['only'], got {got!r}"
    fetch_page, calls = fake_api(responses)
    got = list(pages(fetch_page))
    assert got == [[], [], ["only"], []], (
        f"list(pages(fetch_page)) with pages [], [], ['only'], []: empty pages are pages too, "
        f"expected [[], [], ['only'], []], got {got!r}"
    )


def test_limit_stops_without_fetching_more():
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page, limit=2))
    assert got == ["sunset", "harbour"], f"list(paginate(fetch_page, limit=2)): expected ['sunset', 'harbour'], got {got!r}"
    assert calls == [None], (
        f"list(paginate(fetch_page, limit=2)): the limit is reached on the first page, "
        f"expected the fetches [None] only, got {calls!r}"
    )
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page, limit=3))
    expected = ["sunset", "harbour", "lighthouse"]
    assert got == expected, f"list(paginate(fetch_page, limit=3)): expected {expected!r}, got {got!r}"
    assert calls == [None, "c2"], f"list(paginate(fetch_page, limit=3)): expected the fetches [None, 'c2'], got {calls!r}"


def test_limit_zero_and_large_limits():
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page, limit=0))
    assert got == [], f"list(paginate(fetch_page, limit=0)): expected [], got {got!r}"
    assert calls == [], f"list(paginate(fetch_page, limit=0)): expected no fetches at all, got {calls!r}"
    fetch_page, calls = fake_api(PHOTOS)
    got = list(paginate(fetch_page, limit=50))
    assert got == ALL_PHOTOS, f"list(paginate(fetch_page, limit=50)): expected all 5 items {ALL_PHOTOS!r}, got {got!r}"


def test_negative_limit_raises_value_error():
    fetch_page, calls = fake_api(PHOTOS)
    try:
        got = list(paginate(fetch_page, limit=-1))
    except ValueError:
        return
    raise AssertionError(f"list(paginate(fetch_page, limit=-1)): expected ValueError, got {got!r}")


def test_pages_raises_runtime_error_on_a_repeated_cursor():
    fetch_page, calls = fake_api(LOOPING)
    stream = pages(fetch_page)
    call = "pages(fetch_page) with pages ['a'] -> 'x', ['b'] -> 'y', ['c'] -> 'x'"
    got = take(stream, 3, call)
    assert got == [["a"], ["b"], ["c"]], f"{call}: expected [['a'], ['b'], ['c']] before the loop is noticed, got {got!r}"
    try:
        got = next(stream)
    except RuntimeError:
        return
    except StopIteration:
        raise AssertionError(f"{call}: expected RuntimeError when the cursor 'x' comes back, but the generator stopped") from None
    raise AssertionError(f"{call}: expected RuntimeError when the cursor 'x' comes back, got the page {got!r}")


def test_paginate_raises_runtime_error_after_the_items():
    fetch_page, calls = fake_api(LOOPING)
    call = "paginate(fetch_page) with pages ['a'] -> 'x', ['b'] -> 'y', ['c'] -> 'x'"
    results = paginate(fetch_page)
    got = take(results, 3, call)
    assert got == ["a", "b", "c"], f"{call}: expected 'a', 'b', 'c' before the loop is noticed, got {got!r}"
    try:
        got = next(results)
    except RuntimeError:
        return
    except StopIteration:
        raise AssertionError(f"{call}: expected RuntimeError when the cursor 'x' comes back, but the generator stopped") from None
    raise AssertionError(f"{call}: expected RuntimeError when the cursor 'x' comes back, got the item {got!r}")
