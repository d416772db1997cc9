def flip(stack: list[int], k: int) -> list[int]:
    """Return a new stack with the top k pancakes flipped over."""
    raise NotImplementedError("write flip")


def flip_plan(stack: list[int]) -> list[int]:
    """Return a list of flips (values of k) that sorts the stack, smallest on top."""
    raise NotImplementedError("write flip_plan")
