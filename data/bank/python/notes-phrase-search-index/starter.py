def build_index(notes):
    """Map every word to {note_id: [positions]} for the notes containing it.
    Words are text.lower().split(); positions count from 0."""
    raise NotImplementedError("write build_index")


def phrase_search(index, phrase):
    """Return the sorted ids of notes where the words of phrase appear consecutively."""
    raise NotImplementedError("write phrase_search")
