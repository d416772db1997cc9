def doll_colours(doll):
    """Return the colours of doll and of every doll inside it, outermost first."""
    raise NotImplementedError("write doll_colours")
