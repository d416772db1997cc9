from collections import deque


def jug_moves(capacities: list[int], target: int) -> int:
    """Return the fewest fill/empty/pour moves until some jug holds target litres, or -1."""
    if not capacities or target < 0 or any(c < 0 for c in capacities):
        raise ValueError("need at least one jug and no negative numbers")
    if target == 0:
        return 0

    def neighbours(state: tuple[int, ...]):
        for i, capacity in enumerate(capacities):
            yield state[:i] + (capacity,) + state[i + 1:]  # fill
            yield state[:i] + (0,) + state[i + 1:]         # empty
            for j in range(len(capacities)):
                if i != j:
                    amount = min(state[i], capacities[j] - state[j])
                    poured = list(state)
                    poured[i] -= amount
                    poured[j] += amount
                    yield tuple(poured)

    start = (0,) * len(capacities)
    moves = {start: 0}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        for nxt in neighbours(state):
            if nxt in moves:
                continue
            moves[nxt] = moves[state] + 1
            if target in nxt:
                return moves[nxt]
            queue.append(nxt)
    return -1
