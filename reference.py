import heapq


def study_order(prerequisites):
    """Return every course in an order that respects prerequisites (alphabetical on ties)."""
    needs = {}
    for course, required in prerequisites.items():
        needs.setdefault(course, set()).update(required)
        for other in required:
            needs.setdefault(other, set())

    unlocks = {course: [] for course in needs}
    for course, required in needs.items():
        for other in required:
            unlocks[other].append(course)

    waiting = {course: len(required) for course, required in needs.items()}
    ready = [course for course, count in waiting.items() if count == 0]
    heapq.heapify(ready)

    order = []
    while ready:
        course = heapq.heappop(ready)
        order.append(course)
        for nxt in unlocks[course]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, nxt)

    if len(order) < len(needs):
        stuck = sorted(course for course, count in waiting.items() if count > 0)
        raise ValueError(f"cycle among courses: {', '.join(stuck)}")
    return order
