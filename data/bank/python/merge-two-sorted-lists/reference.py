def merge_sorted(a, b, key=None):
    """Merge two ascending lists into one ascending list (stable; ties favour a)."""
    if key is None:
        key = lambda item: item  # noqa: E731
    merged = []
    i = j = 0
    while i < len(a) and j < len(b):
        if key(b[j]) < key(a[i]):
            merged.append(b[j])
            j += 1
        else:
            merged.append(a[i])
            i += 1
    merged.extend(a[i:])
    merged.extend(b[j:])
    return merged
