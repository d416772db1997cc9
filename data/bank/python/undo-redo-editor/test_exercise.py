from solution import Editor


def state(ed):
    return (ed.text, ed.cursor)


def test_new_editor_cursor_at_end():
    assert state(Editor()) == ("", 0), f"expected ('', 0), got {state(Editor())!r}"
    assert state(Editor("hi")) == ("hi", 2), f"expected ('hi', 2), got {state(Editor('hi'))!r}"


def test_insert_at_end_and_in_the_middle():
    ed = Editor("Hello")
    ed.insert(" world")
    assert state(ed) == ("Hello world", 11), f"expected ('Hello world', 11), got {state(ed)!r}"
    ed.move_to(5)
    ed.insert(",")
    assert state(ed) == ("Hello, world", 6), f"expected ('Hello, world', 6), got {state(ed)!r}"
    ed.move_to(0)
    ed.insert(">> ")
    assert state(ed) == (">> Hello, world", 3), f"expected ('>> Hello, world', 3), got {state(ed)!r}"


def test_backspace_returns_deleted_text():
    ed = Editor("Hello, world")
    ed.move_to(6)
    got = ed.backspace(3)
    assert got == "lo,", f"expected 'lo,', got {got!r}"
    assert state(ed) == ("Hel world", 3), f"expected ('Hel world', 3), got {state(ed)!r}"
    got = ed.backspace(10)
    assert got == "Hel", f"expected only 'Hel' to be deleted, got {got!r}"
    assert state(ed) == (" world", 0), f"expected (' world', 0), got {state(ed)!r}"
    assert ed.backspace() == "", "backspace at position 0 deletes nothing"


def test_invalid_arguments():
    ed = Editor("abc")
    for bad in (-1, 4):
        try:
            ed.move_to(bad)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for move_to({bad})")
    try:
        ed.backspace(-2)
    except ValueError:
        pass
    else:
        raise AssertionError("expected ValueError for backspace(-2)")
    assert state(ed) == ("abc", 3), f"failed calls must not change anything, got {state(ed)!r}"


def test_undo_restores_text_and_cursor():
    ed = Editor("Hello")
    ed.insert(" world")
    ed.move_to(5)
    ed.insert(",")
    ed.backspace(3)
    assert ed.undo() is True
    assert state(ed) == ("Hello, world", 6), f"after 1 undo: {state(ed)!r}"
    assert ed.undo() is True
    assert state(ed) == ("Hello world", 5), f"after 2 undos: {state(ed)!r}"
    assert ed.undo() is True
    assert state(ed) == ("Hello", 5), f"after 3 undos: {state(ed)!r}"
    assert ed.undo() is False, "nothing left to undo"
    assert state(ed) == ("Hello", 5), f"a failed undo must change nothing: {state(ed)!r}"


def test_redo_reapplies_undone_edits():
    ed = Editor()
    ed.insert("abc")
    ed.backspace()
    ed.undo()
    ed.undo()
    assert state(ed) == ("", 0), f"expected ('', 0), got {state(ed)!r}"
    assert ed.redo() is True and state(ed) == ("abc", 3), (
        f"expected redo() to return True and leave ('abc', 3), got {state(ed)!r}"
    )
    assert ed.redo() is True and state(ed) == ("ab", 2), (
        f"expected redo() to return True and leave ('ab', 2), got {state(ed)!r}"
    )
    assert ed.redo() is False, "nothing left to redo"


def test_new_edit_clears_redo():
    ed = Editor("x")
    ed.insert("y")
    ed.undo()
    ed.insert("z")
    assert ed.redo() is False, "redo history must be cleared by a new edit"
    assert state(ed) == ("xz", 2), f"expected ('xz', 2), got {state(ed)!r}"


def test_moving_is_not_an_edit():
    ed = Editor("abc")
    ed.insert("d")
    ed.undo()
    ed.move_to(1)
    assert ed.redo() is True, "moving the cursor must not clear the redo history"
    assert state(ed) == ("abcd", 4), f"expected ('abcd', 4), got {state(ed)!r}"
    ed.move_to(0)
    assert ed.undo() is True
    assert state(ed) == ("abc", 3), f"undo restores the cursor from before the edit, got {state(ed)!r}"
    assert ed.undo() is False, "move_to must not be recorded as an edit"


def test_empty_edits_are_not_recorded():
    ed = Editor("ab")
    ed.insert("c")
    ed.insert("")
    ed.backspace(0)
    ed.move_to(0)
    ed.backspace()
    assert ed.undo() is True
    assert state(ed) == ("ab", 2), f"the only real edit was insert('c'), got {state(ed)!r}"
    assert ed.undo() is False


def test_max_undo_forgets_old_edits():
    ed = Editor(max_undo=2)
    for ch in "abcd":
        ed.insert(ch)
    assert ed.undo() is True and ed.undo() is True
    assert state(ed) == ("ab", 2), f"expected ('ab', 2), got {state(ed)!r}"
    assert ed.undo() is False, "only the last 2 edits can be undone"
    assert ed.redo() is True and state(ed) == ("abc", 3), (
        f"expected redo() to return True and leave ('abc', 3), got {state(ed)!r}"
    )
