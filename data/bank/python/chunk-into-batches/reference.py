def chunked(items, size, pad=False, fill=None):
    """Yield lists of `size` consecutive items; optionally pad the last one with fill."""
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        if pad:
            batch.extend([fill] * (size - len(batch)))
        yield batch
