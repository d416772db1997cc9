class Editor:
    """A text with a cursor, insert/backspace editing, and undo/redo."""

    def __init__(self, text="", max_undo=None):
        pass

    def move_to(self, position):
        """Move the cursor (not an edit). ValueError if outside 0..len(text)."""
        raise NotImplementedError("write move_to")

    def insert(self, s):
        """Insert s at the cursor; the cursor ends after it."""
        raise NotImplementedError("write insert")

    def backspace(self, count=1):
        """Delete up to count characters before the cursor and return them."""
        raise NotImplementedError("write backspace")

    def undo(self):
        """Revert the last edit; return False if there is none."""
        raise NotImplementedError("write undo")

    def redo(self):
        """Re-apply the last undone edit; return False if there is none."""
        raise NotImplementedError("write redo")
