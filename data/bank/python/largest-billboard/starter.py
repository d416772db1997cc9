def largest_billboard(heights: list[int]) -> int:
    """Return the largest rectangle area that fits under the skyline of heights."""
    raise NotImplementedError
