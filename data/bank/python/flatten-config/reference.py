def flatten(config: dict, sep: str = ".") -> dict:
    """Flatten nested dictionaries into one level, joining keys with sep."""
    flat = {}

    def walk(section: dict, prefix: str) -> None:
        for key, value in section.items():
            full_key = f"{prefix}{sep}{key}" if prefix else key
            if isinstance(value, dict) and value:
                walk(value, full_key)
            elif full_key in flat:
                raise ValueError(f"duplicate flattened key {full_key!r}")
            else:
                flat[full_key] = value

    walk(config, "")
    return flat
