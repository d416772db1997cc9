import heapq


def study_order(prerequisites: dict[str, list[str]]) -> list[str]:
    """Return the order to take every course, alphabetically first whenever there is a choice."""
    courses = set(prerequisites)
    for needed in prerequisites.values():
        courses.update(needed)

    missing = {course: set(prerequisites.get(course, ())) for course in courses}
    unlocks = {course: [] for course in courses}
    for course, needed in missing.items():
        for prerequisite in needed:
            unlocks[prerequisite].append(course)

    ready = [course for course, needed in missing.items() if not needed]
    heapq.heapify(ready)
    order = []
    while ready:
        course = heapq.heappop(ready)
        order.append(course)
        for follower in unlocks[course]:
            missing[follower].discard(course)
            if not missing[follower]:
                heapq.heappush(ready, follower)

    if len(order) != len(courses):
        raise ValueError("the prerequisites contain a cycle")
    return order
