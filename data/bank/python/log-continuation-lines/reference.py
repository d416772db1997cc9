def log_entries(lines):
    """Yield each log entry: a line plus its indented continuation lines, joined with newlines."""
    current = []
    for line in lines:
        line = line.removesuffix("\n")
        if not line:
            continue
        if line.startswith((" ", "\t")):
            if not current:
                raise ValueError(f"the log starts with a continuation line: {line!r}")
            current.append(line)
        else:
            if current:
                yield "\n".join(current)
            current = [line]
    if current:
        yield "\n".join(current)
