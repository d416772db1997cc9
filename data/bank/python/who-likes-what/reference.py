def invert(favourites: dict[str, str]) -> dict[str, list[str]]:
    """Map each fruit to the sorted list of people whose favourite it is."""
    by_fruit = {}
    for person, fruit in favourites.items():
        by_fruit.setdefault(fruit, []).append(person)
    for people in by_fruit.values():
        people.sort()
    return by_fruit
