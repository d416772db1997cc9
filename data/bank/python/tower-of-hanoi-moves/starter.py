def hanoi(n, source="A", target="C", spare="B"):
    """Return the shortest list of (from_peg, to_peg) moves that takes n disks
    from source to target. Raise ValueError if n is negative."""
    raise NotImplementedError("write hanoi")


def replay(n, moves, pegs=("A", "B", "C")):
    """Start with disks n..1 on pegs[0], apply moves, and return the three pegs'
    contents (bottom first) in the order of pegs. Raise ValueError on an illegal move."""
    raise NotImplementedError("write replay")
