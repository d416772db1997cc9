def log_entries(lines):
    """Yield each log entry: a line plus its indented continuation lines, joined with newlines."""
    raise NotImplementedError("write log_entries")
