from collections import deque


class Editor:
    """A text with a cursor, insert/backspace editing, and undo/redo."""

    def __init__(self, text="", max_undo=None):
        self.text = text
        self.cursor = len(text)
        self._undo = deque(maxlen=max_undo)
        self._redo = []

    def _state(self):
        return (self.text, self.cursor)

    def _restore(self, state):
        self.text, self.cursor = state

    def _apply(self, text, cursor):
        """Record an edit from the current state to (text, cursor) and perform it."""
        self._undo.append((self._state(), (text, cursor)))
        self._redo.clear()
        self._restore((text, cursor))

    def move_to(self, position):
        """Move the cursor (not an edit). ValueError if outside 0..len(text)."""
        if not 0 <= position <= len(self.text):
            raise ValueError(f"position {position} is outside 0..{len(self.text)}")
        self.cursor = position

    def insert(self, s):
        """Insert s at the cursor; the cursor ends after it."""
        if s:
            text = self.text[:self.cursor] + s + self.text[self.cursor:]
            self._apply(text, self.cursor + len(s))

    def backspace(self, count=1):
        """Delete up to count characters before the cursor and return them."""
        if count < 0:
            raise ValueError("count must not be negative")
        start = max(0, self.cursor - count)
        deleted = self.text[start:self.cursor]
        if deleted:
            self._apply(self.text[:start] + self.text[self.cursor:], start)
        return deleted

    def undo(self):
        """Revert the last edit; return False if there is none."""
        if not self._undo:
            return False
        before, after = self._undo.pop()
        self._redo.append((before, after))
        self._restore(before)
        return True

    def redo(self):
        """Re-apply the last undone edit; return False if there is none."""
        if not self._redo:
            return False
        before, after = self._redo.pop()
        self._undo.append((before, after))
        self._restore(after)
        return True
