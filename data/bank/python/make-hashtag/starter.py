def make_hashtag(phrase: str) -> str:
    """Return '#' plus phrase in lower case without spaces, or '' if nothing is left."""
    raise NotImplementedError("write make_hashtag")
