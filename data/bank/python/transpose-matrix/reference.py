def transpose(matrix):
    """Return the transpose of matrix (a list of equal-length rows) as a new list of lists.
    Raise ValueError if the rows have different lengths."""
    if not matrix:
        return []
    if len({len(row) for row in matrix}) > 1:
        raise ValueError("all rows must have the same length")
    return [[row[c] for row in matrix] for c in range(len(matrix[0]))]
