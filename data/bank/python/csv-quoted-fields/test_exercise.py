from solution import parse_csv


def check(text, expected):
    try:
        got = parse_csv(text)
    except ValueError as e:
        raise AssertionError(f"parse_csv({text!r}) raised ValueError ({e}), but the text is valid CSV: "
                             f"expected {expected!r}") from None
    assert got == expected, f"parse_csv({text!r}): expected {expected!r}, got {got!r}"


def check_value_error(text, why):
    try:
        got = parse_csv(text)
    except ValueError:
        return
    except (LookupError, TypeError) as e:
        raise AssertionError(f"parse_csv({text!r}): expected ValueError ({why}), got {type(e).__name__}: {e}") from None
    raise AssertionError(f"parse_csv({text!r}): expected ValueError ({why}), got {got!r}")


def test_plain_records():
    check("name,age\nAda,36\nAlan,41", [["name", "age"], ["Ada", "36"], ["Alan", "41"]])


def test_quoted_field_with_a_comma():
    check('date,description,amount\n2024-03-01,"Coffee, large",3.50\n',
          [["date", "description", "amount"], ["2024-03-01", "Coffee, large", "3.50"]])


def test_doubled_quotes_and_newline_inside_quotes():
    check('id,note\n7,"She said ""hi""\nand left"', [["id", "note"], ["7", 'She said "hi"\nand left']])


def test_empty_fields_and_empty_line():
    check("a,,c\n\nd,", [["a", "", "c"], [""], ["d", ""]])


def test_one_trailing_newline_adds_no_record():
    check("a\n", [["a"]])
    check("a\n\n", [["a"], [""]])


def test_empty_text():
    check("", [])


def test_whitespace_and_carriage_returns_are_kept():
    check(" a , b \r\nc", [[" a ", " b \r"], ["c"]])


def test_empty_quoted_field_and_lone_quote():
    check('"",""""\n"x"', [["", '"'], ["x"]])


def test_unclosed_quote_raises_value_error():
    check_value_error('x,"unclosed', "the quoted field is never closed")
    check_value_error('"abc""', 'the "" is a doubled quote, so the field is never closed')
    check_value_error('"abc\n', "the quoted field is never closed")


def test_misplaced_quotes_raise_value_error():
    check_value_error('"ab"c', "a closing quote followed by 'c'")
    check_value_error('"a" ,b', "a closing quote followed by a space")
    check_value_error('ab"c', "a quote inside a field that does not start with one")
    check_value_error(' "a"', "a quote in a field whose first character is a space")
    check_value_error('ok\nx"y', "a quote inside a field that does not start with one")
