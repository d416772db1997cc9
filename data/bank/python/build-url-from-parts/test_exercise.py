from solution import build_url


def test_base_only():
    got = build_url("https://shop.example")
    assert got == "https://shop.example", f"expected 'https://shop.example', got {got!r}"


def test_trailing_slashes_removed_from_base():
    got = build_url("https://shop.example///")
    assert got == "https://shop.example", f"expected 'https://shop.example', got {got!r}"


def test_segments_are_joined_and_converted():
    got = build_url("https://shop.example", "items", 42)
    assert got == "https://shop.example/items/42", f"expected 'https://shop.example/items/42', got {got!r}"


def test_slashes_around_segments_are_stripped():
    got = build_url("https://shop.example/", "/api/", "v2/", "/users")
    assert got == "https://shop.example/api/v2/users", f"expected 'https://shop.example/api/v2/users', got {got!r}"


def test_empty_segments_are_skipped():
    got = build_url("https://shop.example", "", "/", "cart", "")
    assert got == "https://shop.example/cart", f"expected 'https://shop.example/cart', got {got!r}"


def test_query_is_sorted_by_key():
    got = build_url("https://shop.example", "search", q="lamp", page=2, sort="price")
    assert got == "https://shop.example/search?page=2&q=lamp&sort=price", (
        f"expected 'https://shop.example/search?page=2&q=lamp&sort=price', got {got!r}"
    )


def test_none_values_are_skipped_and_booleans_lowercased():
    got = build_url("https://shop.example", in_stock=True, color=None, used=False)
    assert got == "https://shop.example?in_stock=true&used=false", (
        f"expected 'https://shop.example?in_stock=true&used=false', got {got!r}"
    )


def test_no_question_mark_when_all_query_values_are_none():
    got = build_url("https://shop.example", "items", color=None)
    assert got == "https://shop.example/items", f"expected 'https://shop.example/items', got {got!r}"


def test_base_can_be_a_query_key():
    got = build_url("https://a.example", "docs", base="x")
    assert got == "https://a.example/docs?base=x", f"expected 'https://a.example/docs?base=x', got {got!r}"


def test_numbers_in_query():
    got = build_url("https://maps.example", "tile", zoom=0, lat=51.5)
    assert got == "https://maps.example/tile?lat=51.5&zoom=0", (
        f"expected 'https://maps.example/tile?lat=51.5&zoom=0', got {got!r}"
    )
