def anagram_groups(words: list[str]) -> list[list[str]]:
    """Return the groups of two or more anagrams among words, in order of first appearance."""
    groups = {}
    seen = set()
    for word in words:
        lower = word.lower()
        if lower in seen:
            continue
        seen.add(lower)
        signature = "".join(sorted(lower))
        groups.setdefault(signature, []).append(word)
    return [group for group in groups.values() if len(group) >= 2]
