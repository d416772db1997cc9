def settle(board: list[list[int]]) -> tuple[list[list[int]], int]:
    """Remove lines of three or more, let candies fall, repeat; return (board, score)."""
    raise NotImplementedError
