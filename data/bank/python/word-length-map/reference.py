import string


def word_lengths(sentence):
    """Map each distinct lower-cased word (punctuation stripped from its ends)
    to its length, using a dict comprehension."""
    words = [piece.strip(string.punctuation).lower() for piece in sentence.split()]
    return {word: len(word) for word in words if word}
