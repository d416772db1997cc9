def reach_target(digits, target):
    """Return, sorted, every expression made of digits (in order) with '+', '-' or nothing
    between neighbours that evaluates to target. Raise ValueError unless digits is made of 1-9."""
    raise NotImplementedError("write reach_target")
