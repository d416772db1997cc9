from math import gcd


def pythagorean_triples(limit, primitive=False):
    """Return all (a, b, c) with a < b < c <= limit and a*a + b*b == c*c,
    sorted by c then a. If primitive, keep only triples with no common divisor > 1."""
    return [
        (a, b, c)
        for c in range(1, limit + 1)
        for a in range(1, c)
        for b in range(a + 1, c)
        if a * a + b * b == c * c and (not primitive or gcd(a, b) == 1)
    ]
