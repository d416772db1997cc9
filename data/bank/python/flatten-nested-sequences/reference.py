def flatten(items):
    """Return a new flat list of all elements inside items, opening up every
    nested list or tuple at any depth. Other values (strings included) stay whole."""
    result = []
    for item in items:
        if isinstance(item, (list, tuple)):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result
