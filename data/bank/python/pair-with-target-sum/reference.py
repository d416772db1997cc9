def pair_with_sum(prices, target):
    """Return (a, b) from two positions of the sorted list with a + b == target, or None."""
    left, right = 0, len(prices) - 1
    while left < right:
        total = prices[left] + prices[right]
        if total == target:
            return prices[left], prices[right]
        if total < target:
            left += 1
        else:
            right -= 1
    return None
