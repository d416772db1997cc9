def sort_and_count(values):
    """Return (sorted copy of values, number of inversions) using merge sort."""
    if len(values) <= 1:
        return list(values), 0
    mid = len(values) // 2
    left, left_count = sort_and_count(values[:mid])
    right, right_count = sort_and_count(values[mid:])

    merged = []
    cross = 0
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
            cross += len(left) - i  # right[j] is smaller than every remaining left item
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged, left_count + right_count + cross
