def count_vowels(text: str) -> int:
    """Return how many vowels (a, e, i, o, u, upper or lower case) are in text."""
    count = 0
    for letter in text.lower():
        if letter in "aeiou":
            count += 1
    return count
