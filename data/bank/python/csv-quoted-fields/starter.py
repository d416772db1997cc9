def parse_csv(text: str) -> list[list[str]]:
    """Return the records of a CSV text as lists of fields, honouring quoted fields."""
    raise NotImplementedError
