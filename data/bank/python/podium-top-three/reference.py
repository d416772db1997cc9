def podium(scores: list[int]) -> list[int]:
    """Return the three highest scores, highest first."""
    return sorted(scores, reverse=True)[:3]
