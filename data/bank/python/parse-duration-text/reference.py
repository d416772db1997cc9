SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
ORDER = "dhms"


def parse_duration(text: str) -> int:
    """Return the number of seconds in a duration such as '1h 30m', or raise ValueError."""
    total = 0
    number = ""
    last_rank = -1
    for char in text:
        if char in "0123456789":
            number += char
        elif char in SECONDS:
            if not number:
                raise ValueError(f"unit {char!r} has no number before it")
            rank = ORDER.index(char)
            if rank <= last_rank:
                raise ValueError(f"unit {char!r} is out of order or repeated")
            total += int(number) * SECONDS[char]
            number = ""
            last_rank = rank
        elif char.isspace():
            if number:
                raise ValueError(f"number {number} has no unit")
        else:
            raise ValueError(f"unexpected character {char!r}")
    if number:
        raise ValueError(f"number {number} has no unit")
    if last_rank == -1:
        raise ValueError("empty duration")
    return total
