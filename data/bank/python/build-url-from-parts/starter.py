def build_url(base, /, *segments, **query):
    """Join base, path segments and sorted query parameters into one URL.

    Segments are stripped of slashes and empty ones skipped; query parameters
    with a None value are skipped; True/False are written as true/false.
    """
    raise NotImplementedError("write build_url")
