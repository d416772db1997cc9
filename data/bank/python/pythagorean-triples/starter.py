def pythagorean_triples(limit, primitive=False):
    """Return all (a, b, c) with a < b < c <= limit and a*a + b*b == c*c,
    sorted by c then a. If primitive, keep only triples with no common divisor > 1."""
    raise NotImplementedError("write pythagorean_triples")
