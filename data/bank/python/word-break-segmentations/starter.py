def segmentations(text, words):
    """Return every way to split text into words from `words`, each as a
    space-separated string, sorted."""
    raise NotImplementedError("write segmentations")
