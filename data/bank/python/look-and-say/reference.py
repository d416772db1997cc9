def _check_digits(term: str) -> None:
    if not term or any(ch not in "0123456789" for ch in term):
        raise ValueError(f"expected a non-empty string of digits, got {term!r}")


def next_term(term: str) -> str:
    """Return the look-and-say description of term, e.g. "1211" -> "111221"."""
    _check_digits(term)
    parts = []
    i = 0
    while i < len(term):
        j = i
        while j < len(term) and term[j] == term[i]:
            j += 1
        parts.append(f"{j - i}{term[i]}")
        i = j
    return "".join(parts)


def look_and_say(seed: str, count: int) -> list[str]:
    """Return the first count terms of the look-and-say sequence starting at seed."""
    _check_digits(seed)
    if count < 0:
        raise ValueError("count must not be negative")
    terms = []
    term = seed
    for _ in range(count):
        terms.append(term)
        term = next_term(term)
    return terms
