def trip_balances(expenses: list[tuple[str, int, list[str]]]) -> dict[str, int]:
    """Return each person's balance in cents: what they paid minus their shares."""
    balances = {}
    for payer, amount, sharers in expenses:
        if amount < 0:
            raise ValueError(f"amount must not be negative, not {amount}")
        if not sharers:
            raise ValueError("an expense needs at least one sharer")
        if len(set(sharers)) != len(sharers):
            raise ValueError(f"a sharer is listed twice in {sharers!r}")
        balances[payer] = balances.get(payer, 0) + amount
        share, leftover = divmod(amount, len(sharers))
        for position, person in enumerate(sorted(sharers)):
            extra = 1 if position < leftover else 0
            balances[person] = balances.get(person, 0) - share - extra
    return balances
