def expand_braces(pattern: str) -> list[str]:
    """Return every string described by pattern, e.g. "a{b,c}" -> ["ab", "ac"]."""

    def read_sequence(i: int, inside: bool) -> tuple[list[str], int]:
        results = [""]
        while i < len(pattern):
            ch = pattern[i]
            if ch == "{":
                alternatives, i = read_group(i + 1)
                results = [r + a for r in results for a in alternatives]
                continue
            if ch == "}" and not inside:
                raise ValueError(f"unexpected '}}' at position {i}")
            if ch in ",}" and inside:
                break
            results = [r + ch for r in results]
            i += 1
        return results, i

    def read_group(i: int) -> tuple[list[str], int]:
        alternatives = []
        while True:
            strings, i = read_sequence(i, inside=True)
            alternatives.extend(strings)
            if i >= len(pattern):
                raise ValueError("unclosed '{'")
            if pattern[i] == "}":
                return alternatives, i + 1
            i += 1  # skip the comma

    results, _ = read_sequence(0, inside=False)
    return list(dict.fromkeys(results))
