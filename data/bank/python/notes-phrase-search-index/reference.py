def _positions(words, target):
    return [i for i, word in enumerate(words) if word == target]


def build_index(notes):
    """Map every word to {note_id: [positions]} for the notes containing it.
    Words are text.lower().split(); positions count from 0."""
    words_of = {note_id: text.lower().split() for note_id, text in notes.items()}
    vocabulary = {word for words in words_of.values() for word in words}
    return {
        word: {note_id: _positions(words, word) for note_id, words in words_of.items() if word in words}
        for word in vocabulary
    }


def phrase_search(index, phrase):
    """Return the sorted ids of notes where the words of phrase appear consecutively."""
    words = phrase.lower().split()
    if not words or any(word not in index for word in words):
        return []
    first, *rest = words
    return sorted(
        note_id
        for note_id, starts in index[first].items()
        if any(
            all(start + k in index[word].get(note_id, ()) for k, word in enumerate(rest, start=1))
            for start in starts
        )
    )
