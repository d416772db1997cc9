def count_peaks(heights):
    """Return how many points are strictly higher than all of their neighbours."""
    last = len(heights) - 1
    peaks = 0
    for i, h in enumerate(heights):
        higher_than_left = i == 0 or h > heights[i - 1]
        higher_than_right = i == last or h > heights[i + 1]
        if higher_than_left and higher_than_right:
            peaks += 1
    return peaks
