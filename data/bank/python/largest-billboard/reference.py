def largest_billboard(heights: list[int]) -> int:
    """Return the largest rectangle area that fits under the skyline of heights."""
    if any(h < 0 for h in heights):
        raise ValueError("heights must not be negative")
    best = 0
    stack = []  # indices of buildings with increasing heights
    for i, height in enumerate(heights + [0]):
        while stack and heights[stack[-1]] > height:
            top = heights[stack.pop()]
            left = stack[-1] if stack else -1
            best = max(best, top * (i - left - 1))
        stack.append(i)
    return best
