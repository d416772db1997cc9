import string


def word_lengths(sentence):
    """Map each distinct lower-cased word (punctuation stripped from its ends)
    to its length, using a dict comprehension."""
    raise NotImplementedError("write word_lengths")
