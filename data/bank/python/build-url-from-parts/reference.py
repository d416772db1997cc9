def _format_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build_url(base, /, *segments, **query):
    """Join base, path segments and sorted query parameters into one URL.

    Segments are stripped of slashes and empty ones skipped; query parameters
    with a None value are skipped; True/False are written as true/false.
    """
    parts = [base.rstrip("/")]
    parts += [s for s in (str(seg).strip("/") for seg in segments) if s]
    url = "/".join(parts)
    pairs = [
        f"{key}={_format_value(query[key])}"
        for key in sorted(query)
        if query[key] is not None
    ]
    if pairs:
        url += "?" + "&".join(pairs)
    return url
