def anagram_groups(words: list[str]) -> list[list[str]]:
    """Return the groups of two or more anagrams among words, in order of first appearance."""
    raise NotImplementedError
