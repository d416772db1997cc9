def greet(name, greeting="Hello", punctuation="!"):
    """Return '<greeting>, <name><punctuation>' with the name stripped of spaces.

    An empty or blank name is replaced by 'stranger'.
    """
    name = name.strip() or "stranger"
    return f"{greeting}, {name}{punctuation}"
