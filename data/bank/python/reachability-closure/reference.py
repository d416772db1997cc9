def reachable(edges):
    """Map every node to the set of nodes reachable from it by one or more edges."""
    nodes = {node for edge in edges for node in edge}
    reach = {n: {b for a, b in edges if a == n} for n in nodes}
    while True:
        grown = {
            n: targets | {far for mid in targets for far in reach[mid]}
            for n, targets in reach.items()
        }
        if grown == reach:
            return reach
        reach = grown


def mutual_groups(edges):
    """Return the groups of nodes that can all reach one another, each group a
    sorted list, the list of groups sorted."""
    reach = reachable(edges)
    groups = {
        frozenset({n} | {m for m in reach[n] if n in reach[m]})
        for n in reach
    }
    return sorted(sorted(group) for group in groups)
