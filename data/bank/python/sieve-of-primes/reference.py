def primes_up_to(n: int) -> list[int]:
    """Return all primes p with 2 <= p <= n, in increasing order."""
    if n < 2:
        return []
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for multiple in range(p * p, n + 1, p):
                is_prime[multiple] = False
        p += 1
    return [number for number, prime in enumerate(is_prime) if prime]
