from solution import parse_csv


def test_plain_records():
    got = parse_csv("name,age\nAda,36\nAlan,41")
    expected = [["name", "age"], ["Ada", "36"], ["Alan", "41"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_quoted_field_with_a_comma():
    got = parse_csv('date,description,amount\n2024-03-01,"Coffee, large",3.50\n')
    expected = [["date", "description", "amount"], ["2024-03-01", "Coffee, large", "3.50"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_doubled_quotes_and_newline_inside_quotes():
    got = parse_csv('id,note\n7,"She said ""hi""\nand left"')
    expected = [["id", "note"], ["7", 'She said "hi"\nand left']]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_fields_and_empty_line():
    got = parse_csv("a,,c\n\nd,")
    expected = [["a", "", "c"], [""], ["d", ""]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_one_trailing_newline_adds_no_record():
    got = parse_csv("a\n")
    assert got == [["a"]], f"expected [['a']], got {got!r}"
    got = parse_csv("a\n\n")
    assert got == [["a"], [""]], f"expected [['a'], ['']], got {got!r}"


def test_empty_text():
    got = parse_csv("")
    assert got == [], f"expected [], got {got!r}"


def test_whitespace_and_carriage_returns_are_kept():
    got = parse_csv(" a , b \r\nc")
    expected = [[" a ", " b \r"], ["c"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_quoted_field_and_lone_quote():
    got = parse_csv('"",""""\n"x"')
    expected = [["", '"'], ["x"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_unclosed_quote_raises_value_error():
    for text in ['x,"unclosed', '"abc""', '"abc\n']:
        try:
            parse_csv(text)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {text!r}")


def test_misplaced_quotes_raise_value_error():
    for text in ['"ab"c', '"a" ,b', 'ab"c', ' "a"', 'ok\nx"y']:
        try:
            parse_csv(text)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {text!r}")
