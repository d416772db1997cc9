SMALL_WORDS = {"a", "an", "the", "and", "but", "or", "nor",
               "for", "of", "on", "in", "at", "to", "by"}


def _fix_part(part: str, at_edge: bool) -> str:
    if len(part) > 1 and part.isupper():
        return part
    lower = part.lower()
    if lower in SMALL_WORDS and not at_edge:
        return lower
    return lower[:1].upper() + lower[1:]


def headline(text: str) -> str:
    """Convert text to headline case following the style guide rules."""
    words = text.split()
    result = []
    for i, word in enumerate(words):
        parts = word.split("-")
        fixed = []
        for j, part in enumerate(parts):
            at_edge = (i == 0 and j == 0) or (i == len(words) - 1 and j == len(parts) - 1)
            fixed.append(_fix_part(part, at_edge))
        result.append("-".join(fixed))
    return " ".join(result)
