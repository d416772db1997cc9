def make_hashtag(phrase: str) -> str:
    """Return '#' plus phrase in lower case without spaces, or '' if nothing is left."""
    tag = phrase.lower().replace(" ", "")
    if tag == "":
        return ""
    return "#" + tag
