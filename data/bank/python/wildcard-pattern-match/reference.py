def _parse_class(body):
    """Return a list of (low, high) character ranges for the inside of a [...] class."""
    ranges = []
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            low, high = body[k], body[k + 2]
            if low > high:
                raise ValueError(f"bad range {low}-{high}")
            ranges.append((low, high))
            k += 3
        else:
            ranges.append((body[k], body[k]))
            k += 1
    return ranges


def _parse(pattern):
    """Turn the pattern into tokens: ('char', c), ('any',), ('star',), ('class', negate, ranges)."""
    tokens = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            if i + 1 == len(pattern):
                raise ValueError("pattern ends with a lone backslash")
            tokens.append(("char", pattern[i + 1]))
            i += 2
        elif ch == "*":
            tokens.append(("star",))
            i += 1
        elif ch == "?":
            tokens.append(("any",))
            i += 1
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                raise ValueError("unclosed '['")
            body = pattern[i + 1:end]
            negate = body.startswith("!")
            if negate:
                body = body[1:]
            if not body:
                raise ValueError("empty character class")
            tokens.append(("class", negate, _parse_class(body)))
            i = end + 1
        else:
            tokens.append(("char", ch))
            i += 1
    return tokens


def _accepts(token, ch):
    kind = token[0]
    if kind == "any":
        return True
    if kind == "char":
        return token[1] == ch
    _, negate, ranges = token
    inside = any(low <= ch <= high for low, high in ranges)
    return inside != negate


def matches(pattern, text):
    """Return True if the whole text matches the wildcard pattern (? * [...] [!...] \\c)."""
    tokens = _parse(pattern)
    n = len(text)
    # can[j]: the tokens handled so far (a suffix of the pattern) match text[j:]
    can = [False] * n + [True]
    for token in reversed(tokens):
        row = [False] * (n + 1)
        if token[0] == "star":
            row[n] = can[n]
            for j in range(n - 1, -1, -1):
                row[j] = can[j] or row[j + 1]
        else:
            for j in range(n):
                row[j] = can[j + 1] and _accepts(token, text[j])
        can = row
    return can[0]
