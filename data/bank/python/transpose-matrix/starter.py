def transpose(matrix):
    """Return the transpose of matrix (a list of equal-length rows) as a new list of lists.
    Raise ValueError if the rows have different lengths."""
    raise NotImplementedError("write transpose")
