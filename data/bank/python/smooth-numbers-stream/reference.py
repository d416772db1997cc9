import heapq
from itertools import islice


def smooth_numbers(factors):
    """Yield, in increasing order, every product of the given factors (starting with 1)."""
    factors = sorted(set(factors))
    if any(f < 2 for f in factors):
        raise ValueError("every factor must be at least 2")
    heap = [1]
    pending = {1}
    while heap:
        n = heapq.heappop(heap)
        pending.remove(n)  # every later candidate is larger, so n can never come back
        yield n
        for f in factors:
            candidate = n * f
            if candidate not in pending:
                pending.add(candidate)
                heapq.heappush(heap, candidate)


def nth_smooth_number(factors, n):
    """Return the n-th (1-based) value of smooth_numbers(factors)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return next(islice(smooth_numbers(factors), n - 1, None))
