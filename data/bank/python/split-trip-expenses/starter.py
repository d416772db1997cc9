def trip_balances(expenses: list[tuple[str, int, list[str]]]) -> dict[str, int]:
    """Return each person's balance in cents: what they paid minus their shares."""
    raise NotImplementedError
