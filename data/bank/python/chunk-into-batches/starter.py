def chunked(items, size, pad=False, fill=None):
    """Yield lists of `size` consecutive items; optionally pad the last one with fill."""
    raise NotImplementedError("write chunked")
