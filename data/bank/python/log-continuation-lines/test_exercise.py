from solution import log_entries

LOG = [
    "09:14:02 INFO  server started\n",
    "09:15:40 ERROR request failed\n",
    "  path: /checkout\n",
    "  status: 500\n",
    "\n",
    "09:15:41 INFO  retrying\n",
]


def test_readme_log():
    got = list(log_entries(LOG))
    expected = [
        "09:14:02 INFO  server started",
        "09:15:40 ERROR request failed\n  path: /checkout\n  status: 500",
        "09:15:41 INFO  retrying",
    ]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_lines_without_newlines():
    got = list(log_entries(["start", "  more", "next"]))
    assert got == ["start\n  more", "next"], f"expected ['start\\n  more', 'next'], got {got!r}"


def test_tabs_also_continue_an_entry():
    got = list(log_entries(("boom\n", "\tat load()\n", "\tat main()\n")))
    assert got == ["boom\n\tat load()\n\tat main()"], f"expected ['boom\\n\\tat load()\\n\\tat main()'], got {got!r}"


def test_last_entry_is_not_forgotten():
    got = list(log_entries(["a\n", "b\n", "  b2\n"]))
    assert got == ["a", "b\n  b2"], f"expected ['a', 'b\\n  b2'], got {got!r}"
    got = list(log_entries(["only line"]))
    assert got == ["only line"], f"expected ['only line'], got {got!r}"


def test_empty_lines_are_skipped():
    got = list(log_entries(["\n", "a\n", "\n", "", "  a2\n", "\n", "b"]))
    assert got == ["a\n  a2", "b"], f"expected ['a\\n  a2', 'b'], got {got!r}"


def test_indentation_and_spaces_inside_are_kept():
    got = list(log_entries(["x  =  1 \n", "    deep\n", " \n"]))
    assert got == ["x  =  1 \n    deep\n "], f"expected ['x  =  1 \\n    deep\\n '], got {got!r}"


def test_no_entries():
    got = list(log_entries([]))
    assert got == [], f"expected [] for no lines, got {got!r}"
    got = list(log_entries(["\n", "", "\n"]))
    assert got == [], f"expected [] for empty lines only, got {got!r}"


def test_gives_entries_one_at_a_time():
    entries = log_entries(LOG)
    got = next(entries)
    assert got == "09:14:02 INFO  server started", f"expected '09:14:02 INFO  server started', got {got!r}"
    got = next(entries)
    assert got == "09:15:40 ERROR request failed\n  path: /checkout\n  status: 500", f"unexpected second entry {got!r}"


def test_log_cut_in_the_middle_of_an_entry():
    for lines in (["  status: 500\n", "09:15:41 INFO  retrying\n"], ["\n", "\tat main()"]):
        try:
            list(log_entries(lines))
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for a log starting with {lines!r}")
