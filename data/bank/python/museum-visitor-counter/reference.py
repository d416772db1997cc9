class VisitorCounter:
    """Counts visitors in and out of a museum with a fixed capacity."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.inside = 0
        self.total = 0

    def enter(self):
        """Let one visitor in and return True, or return False if the museum is full."""
        if self.inside >= self.capacity:
            return False
        self.inside += 1
        self.total += 1
        return True

    def leave(self):
        """Record one visitor leaving; raise ValueError if nobody is inside."""
        if self.inside == 0:
            raise ValueError("nobody is inside")
        self.inside -= 1

    def space_left(self):
        """Return how many more visitors may come in."""
        return self.capacity - self.inside
