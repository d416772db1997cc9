from collections import deque

STEPS = {"U": (0, -1), "D": (0, 1), "L": (-1, 0), "R": (1, 0)}


def play_snake(width: int, height: int, food: list[tuple[int, int]], moves: str) -> tuple[int, int]:
    """Replay a game of Snake and return (score, number of moves survived)."""
    if width < 1 or height < 1:
        raise ValueError("the board needs at least one row and one column")
    for move in moves:
        if move not in STEPS:
            raise ValueError(f"unknown move {move!r}")
    body = deque([(0, 0)])  # head first
    occupied = {(0, 0)}
    score = 0
    steps = 0
    for move in moves:
        dx, dy = STEPS[move]
        x, y = body[0]
        head = (x + dx, y + dy)
        if not (0 <= head[0] < width and 0 <= head[1] < height):
            break
        eating = score < len(food) and head == food[score]
        if not eating:
            occupied.discard(body.pop())
        if head in occupied:
            break
        body.appendleft(head)
        occupied.add(head)
        if eating:
            score += 1
        steps += 1
    return score, steps
