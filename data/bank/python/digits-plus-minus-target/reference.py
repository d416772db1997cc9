def reach_target(digits, target):
    """Return, sorted, every expression made of digits (in order) with '+', '-' or nothing
    between neighbours that evaluates to target. Raise ValueError unless digits is made of 1-9."""
    if not digits or any(ch not in "123456789" for ch in digits):
        raise ValueError(f"digits must be made of the characters 1 to 9, got {digits!r}")
    found = []

    def place(pos, expression, total):
        if pos == len(digits):
            if total == target:
                found.append(expression)
            return
        for end in range(pos + 1, len(digits) + 1):
            number = digits[pos:end]
            place(end, f"{expression}+{number}", total + int(number))
            place(end, f"{expression}-{number}", total - int(number))

    for end in range(1, len(digits) + 1):
        place(end, digits[:end], int(digits[:end]))
    return sorted(found)
