def flatten(config: dict, sep: str = ".") -> dict:
    """Flatten nested dictionaries into one level, joining keys with sep."""
    raise NotImplementedError
