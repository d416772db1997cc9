def doll_colours(doll):
    """Return the colours of doll and of every doll inside it, outermost first."""
    if doll is None:
        return []
    return [doll["colour"]] + doll_colours(doll["inside"])
