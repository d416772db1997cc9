def share_pizza(slices, people):
    """Return (slices each person gets, slices left over); raise ValueError for bad input."""
    raise NotImplementedError("write share_pizza")
