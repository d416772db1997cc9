def flip(stack: list[int], k: int) -> list[int]:
    """Return a new stack with the top k pancakes flipped over."""
    if not 1 <= k <= len(stack):
        raise ValueError(f"k must be between 1 and {len(stack)}, got {k}")
    return stack[:k][::-1] + stack[k:]


def flip_plan(stack: list[int]) -> list[int]:
    """Return a list of flips (values of k) that sorts the stack, smallest on top."""
    stack = list(stack)
    plan = []
    for size in range(len(stack), 1, -1):
        largest = max(stack[:size])
        if stack[size - 1] == largest:
            continue  # already in place
        position = stack.index(largest)
        if position > 0:
            plan.append(position + 1)  # bring it to the top
            stack = flip(stack, position + 1)
        plan.append(size)  # and sink it to the bottom of the unsorted part
        stack = flip(stack, size)
    return plan
