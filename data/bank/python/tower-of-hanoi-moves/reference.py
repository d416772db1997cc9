def hanoi(n, source="A", target="C", spare="B"):
    """Return the shortest list of (from_peg, to_peg) moves that takes n disks
    from source to target. Raise ValueError if n is negative."""
    if n < 0:
        raise ValueError("n must not be negative")
    if n == 0:
        return []
    return (
        hanoi(n - 1, source, spare, target)
        + [(source, target)]
        + hanoi(n - 1, spare, target, source)
    )


def replay(n, moves, pegs=("A", "B", "C")):
    """Start with disks n..1 on pegs[0], apply moves, and return the three pegs'
    contents (bottom first) in the order of pegs. Raise ValueError on an illegal move."""
    if n < 0:
        raise ValueError("n must not be negative")
    stacks = {peg: [] for peg in pegs}
    stacks[pegs[0]] = list(range(n, 0, -1))
    for start, end in moves:
        if start not in stacks or end not in stacks:
            raise ValueError(f"unknown peg in move {(start, end)!r}")
        if not stacks[start]:
            raise ValueError(f"peg {start!r} is empty")
        disk = stacks[start][-1]
        if stacks[end] and stacks[end][-1] < disk:
            raise ValueError(f"disk {disk} cannot go on top of disk {stacks[end][-1]}")
        stacks[end].append(stacks[start].pop())
    return [stacks[peg] for peg in pegs]
