def ticket_price(age: int) -> int:
    """Return 6 for a child (under 12), 7 for a senior (65 or older), 10 for anyone else."""
    if age < 12:
        return 6
    elif age >= 65:
        return 7
    else:
        return 10
