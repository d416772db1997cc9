from itertools import permutations

from solution import flip, flip_plan


def apply_plan(stack, plan):
    """Apply the flips of plan to a copy of stack, checking each k; return the final stack."""
    result = list(stack)
    for k in plan:
        assert type(k) is int and 2 <= k <= len(stack), (
            f"flip_plan({stack!r}) returned {plan!r}, which contains the flip {k!r}: "
            f"each k must be an int from 2 to {len(stack)}"
        )
        result = result[:k][::-1] + result[k:]
    return result


def check_plan(stack):
    plan = flip_plan(stack)
    assert type(plan) is list, f"flip_plan({stack!r}): expected a list of flips, got {plan!r}"
    got = apply_plan(stack, plan)
    expected = sorted(stack)
    assert got == expected, (
        f"flip_plan({stack!r}) returned {plan!r}: these flips give {got!r}, expected {expected!r}"
    )
    limit = max(2 * len(stack) - 3, 0)
    assert len(plan) <= limit, (
        f"flip_plan({stack!r}) returned {plan!r}: {len(plan)} flips, at most {limit} allowed"
    )


def test_flip_reverses_the_top_pancakes():
    for stack, k, expected in [([3, 1, 2, 5, 4], 3, [2, 1, 3, 5, 4]), ([3, 1, 2, 5, 4], 5, [4, 5, 2, 1, 3]),
                               ([3, 1, 2], 1, [3, 1, 2])]:
        got = flip(stack, k)
        assert got == expected, f"flip({stack!r}, {k}): expected {expected!r}, got {got!r}"


def test_flip_rejects_impossible_k():
    for k in (0, -1, 4):
        try:
            got = flip([3, 1, 2], k)
        except ValueError:
            continue
        except (LookupError, TypeError, ArithmeticError) as exc:
            raise AssertionError(f"flip([3, 1, 2], {k}): expected ValueError, got {type(exc).__name__}: {exc}") from None
        raise AssertionError(f"flip([3, 1, 2], {k}): expected ValueError, got {got!r}")


def test_plan_for_the_readme_stack():
    check_plan([3, 1, 2])


def test_sorted_and_tiny_stacks_need_no_flips():
    for stack in ([1, 2, 3], [], [4], [2, 2, 2], [1, 5, 5, 9]):
        got = flip_plan(stack)
        assert got == [], f"flip_plan({stack!r}): the stack is already sorted, expected [], got {got!r}"


def test_reversed_stack():
    check_plan([6, 5, 4, 3, 2, 1])
    check_plan([2, 1])


def test_sizes_may_repeat():
    check_plan([3, 1, 3, 2, 1])
    check_plan([5, 5, 1, 1])


def test_every_order_of_five_pancakes():
    for order in permutations([1, 2, 3, 4, 5]):
        check_plan(list(order))


def test_a_tall_stack():
    stack = [(i * 37) % 41 for i in range(1, 41)]  # the sizes 1 to 40, well mixed
    check_plan(stack)
