def ticket_price(age: int) -> int:
    """Return 6 for a child (under 12), 7 for a senior (65 or older), 10 for anyone else."""
    raise NotImplementedError("write ticket_price")
