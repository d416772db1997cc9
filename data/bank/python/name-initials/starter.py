def initials(full_name: str) -> str:
    """Return the initials of full_name, e.g. "Ada Lovelace" -> "A.L."."""
    raise NotImplementedError
