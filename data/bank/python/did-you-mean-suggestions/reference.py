def edit_distance(a: str, b: str) -> int:
    """Return the fewest single-character insertions, deletions and substitutions turning a into b."""
    # previous[j] is the distance between the first i - 1 characters of a and the first j of b.
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(
                previous[j] + 1,                        # delete char_a
                current[j - 1] + 1,                     # insert char_b
                previous[j - 1] + (char_a != char_b),   # substitute, or keep if equal
            ))
        previous = current
    return previous[-1]


def suggest(typed: str, commands: list[str], max_distance: int = 2) -> list[str]:
    """Return the commands within max_distance edits of typed, closest first, ties alphabetical."""
    if max_distance < 0:
        raise ValueError(f"max_distance must not be negative, got {max_distance}")
    scored = [(edit_distance(typed, command), command) for command in commands]
    return [command for distance, command in sorted(scored) if distance <= max_distance]
