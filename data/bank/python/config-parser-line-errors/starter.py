class ConfigError(Exception):
    """A problem in the config text. Attributes: line_no, message.

    str(error) == f"line {line_no}: {message}"
    """

    def __init__(self, line_no, message):
        raise NotImplementedError("write ConfigError.__init__")


def parse_config(text):
    """Parse 'key = value' lines into a dict, raising ConfigError on the first bad line."""
    raise NotImplementedError("write parse_config")
