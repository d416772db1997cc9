def study_order(prerequisites: dict[str, list[str]]) -> list[str]:
    """Return the order to take every course, alphabetically first whenever there is a choice."""
    raise NotImplementedError
