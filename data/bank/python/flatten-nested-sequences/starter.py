def flatten(items):
    """Return a new flat list of all elements inside items, opening up every
    nested list or tuple at any depth. Other values (strings included) stay whole."""
    raise NotImplementedError("write flatten")
