class ConfigError(Exception):
    """A problem in the config text. Attributes: line_no, message."""

    def __init__(self, line_no, message):
        self.line_no = line_no
        self.message = message
        super().__init__(f"line {line_no}: {message}")


def _convert(value):
    try:
        return int(value)
    except ValueError:
        return value


def parse_config(text):
    """Parse 'key = value' lines into a dict, raising ConfigError on the first bad line."""
    settings = {}
    for line_no, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, sep, value = stripped.partition("=")
        if not sep:
            raise ConfigError(line_no, "missing '='")
        key = key.strip()
        if not key.isidentifier():
            raise ConfigError(line_no, f"invalid key {key!r}")
        if key in settings:
            raise ConfigError(line_no, f"duplicate key {key!r}")
        settings[key] = _convert(value.strip())
    return settings
