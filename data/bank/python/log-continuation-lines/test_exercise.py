from solution import log_entries

LOG = [
    "09:14:02 INFO  server started\n",
    "09:15:40 ERROR request failed\n",
    "  path: /checkout\n",
    "  status: 500\n",
    "\n",
    "09:15:41 INFO  retrying\n",
]


def check(lines, expected, shown=None):
    try:
        got = list(log_entries(lines))
    except ValueError as e:
        raise AssertionError(f"list(log_entries({shown or repr(lines)})) raised ValueError ({e}), "
                             f"but the log is valid: expected {expected!r}") from None
    assert got == expected, f"list(log_entries({shown or repr(lines)})): expected {expected!r}, got {got!r}"


def test_readme_log():
    expected = [
        "09:14:02 INFO  server started",
        "09:15:40 ERROR request failed\n  path: /checkout\n  status: 500",
        "09:15:41 INFO  retrying",
    ]
    check(LOG, expected, "log")


def test_lines_without_newlines():
    check(["start", "  more", "next"], ["start\n  more", "next"])


def test_tabs_also_continue_an_entry():
    check(("boom\n", "\tat load()\n", "\tat main()\n"), ["boom\n\tat load()\n\tat main()"])


def test_last_entry_is_not_forgotten():
    check(["a\n", "b\n", "  b2\n"], ["a", "b\n  b2"])
    check(["only line"], ["only line"])


def test_empty_lines_are_skipped():
    check(["\n", "a\n", "\n", "", "  a2\n", "\n", "b"], ["a\n  a2", "b"])


def test_indentation_and_spaces_inside_are_kept():
    check(["x  =  1 \n", "    deep\n", " \n"], ["x  =  1 \n    deep\n "])


def test_no_entries():
    check([], [])
    check(["\n", "", "\n"], [])


def test_gives_entries_one_at_a_time():
    entries = log_entries(LOG)
    assert not isinstance(entries, (list, tuple, str)), (
        f"log_entries(log) with the README's log: expected a generator (a function that uses yield), "
        f"got a {type(entries).__name__}"
    )
    got = next(entries)
    assert got == "09:14:02 INFO  server started", f"next(log_entries(log)) with the README's log: expected '09:14:02 INFO  server started', got {got!r}"
    got = next(entries)
    expected = "09:15:40 ERROR request failed\n  path: /checkout\n  status: 500"
    assert got == expected, f"the second next() on log_entries(log): expected {expected!r}, got {got!r}"


def test_entry_is_given_before_later_lines_are_read():
    # The third item is not a line: a lazy generator has already handed out "a" before reading it.
    lines = ["a\n", "b\n", None]
    try:
        got = next(log_entries(lines))
    except (AttributeError, TypeError) as e:
        raise AssertionError(
            f"next(log_entries({lines!r})): expected 'a', which is complete as soon as the line 'b' arrives, "
            f"but the generator read on to the end first ({type(e).__name__}: {e})"
        ) from None
    assert got == "a", f"next(log_entries({lines!r})): expected 'a', got {got!r}"


def test_log_cut_in_the_middle_of_an_entry():
    for lines in (["  status: 500\n", "09:15:41 INFO  retrying\n"], ["\n", "\tat main()"]):
        try:
            got = list(log_entries(lines))
        except ValueError:
            continue
        except (TypeError, LookupError, AttributeError) as e:
            raise AssertionError(f"list(log_entries({lines!r})): expected ValueError (the log starts with a "
                                 f"continuation line), got {type(e).__name__}: {e}") from None
        raise AssertionError(f"list(log_entries({lines!r})): expected ValueError (the log starts with a "
                             f"continuation line), got {got!r}")
