class VisitorCounter:
    """Counts visitors in and out of a museum with a fixed capacity."""

    def __init__(self, capacity):
        pass

    def enter(self):
        """Let one visitor in and return True, or return False if the museum is full."""
        raise NotImplementedError("write enter")

    def leave(self):
        """Record one visitor leaving; raise ValueError if nobody is inside."""
        raise NotImplementedError("write leave")

    def space_left(self):
        """Return how many more visitors may come in."""
        raise NotImplementedError("write space_left")
