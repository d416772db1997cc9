def _roll(rolls: list[int], index: int) -> int:
    if index >= len(rolls):
        raise ValueError("the game is not complete")
    return rolls[index]


def bowling_score(rolls: list[int]) -> int:
    """Return the score of a complete ten-pin bowling game, or raise ValueError."""
    for pins in rolls:
        if not 0 <= pins <= 10:
            raise ValueError(f"a roll knocks down 0 to 10 pins, not {pins}")
    score = 0
    index = 0
    for _ in range(9):
        first = _roll(rolls, index)
        if first == 10:
            score += 10 + _roll(rolls, index + 1) + _roll(rolls, index + 2)
            index += 1
            continue
        second = _roll(rolls, index + 1)
        if first + second > 10:
            raise ValueError(f"a frame cannot knock down {first + second} pins")
        score += first + second
        if first + second == 10:
            score += _roll(rolls, index + 2)
        index += 2

    first, second = _roll(rolls, index), _roll(rolls, index + 1)
    if first == 10:
        third = _roll(rolls, index + 2)
        if second < 10 and second + third > 10:
            raise ValueError("the extra rolls of the tenth frame knock down too many pins")
        tenth = [first, second, third]
    elif first + second > 10:
        raise ValueError(f"a frame cannot knock down {first + second} pins")
    elif first + second == 10:
        tenth = [first, second, _roll(rolls, index + 2)]
    else:
        tenth = [first, second]
    if index + len(tenth) != len(rolls):
        raise ValueError("there are rolls after the end of the game")
    return score + sum(tenth)
