def play_snake(width: int, height: int, food: list[tuple[int, int]], moves: str) -> tuple[int, int]:
    """Replay a game of Snake and return (score, number of moves survived)."""
    raise NotImplementedError
