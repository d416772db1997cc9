def fewest_stamps(amount, stamps):
    """Return the fewest stamps adding up to exactly amount, or None if impossible."""
    raise NotImplementedError("write fewest_stamps")
