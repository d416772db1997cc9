def reachable(edges):
    """Map every node to the set of nodes reachable from it by one or more edges."""
    raise NotImplementedError("write reachable")


def mutual_groups(edges):
    """Return the groups of nodes that can all reach one another, each group a
    sorted list, the list of groups sorted."""
    raise NotImplementedError("write mutual_groups")
