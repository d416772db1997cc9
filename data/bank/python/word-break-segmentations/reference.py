from functools import lru_cache


def segmentations(text, words):
    """Return every way to split text into words from `words`, each as a
    space-separated string, sorted."""
    vocabulary = {word for word in words if word}

    @lru_cache(maxsize=None)
    def splits_from(start):
        if start == len(text):
            return [[]]
        found = []
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            if piece in vocabulary:
                found += [[piece] + rest for rest in splits_from(end)]
        return found

    return sorted(" ".join(parts) for parts in splits_from(0))
