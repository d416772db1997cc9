def compress(text: str) -> str:
    """Run-length encode text: "aaab" -> "3ab"."""
    if any(ch.isdigit() for ch in text):
        raise ValueError("text must not contain digits")
    parts = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == text[i]:
            j += 1
        count = j - i
        parts.append((str(count) if count > 1 else "") + text[i])
        i = j
    return "".join(parts)


def expand(encoded: str) -> str:
    """Decode a run-length encoded string: "3ab" -> "aaab"."""
    parts = []
    pending = ""
    for ch in encoded:
        if ch.isdigit():
            pending += ch
        else:
            parts.append(ch * (int(pending) if pending else 1))
            pending = ""
    if pending:
        raise ValueError("count at the end is not followed by a character")
    return "".join(parts)
