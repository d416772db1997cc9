def bowling_score(rolls: list[int]) -> int:
    """Return the score of a complete ten-pin bowling game, or raise ValueError."""
    raise NotImplementedError
