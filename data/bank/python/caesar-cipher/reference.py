def caesar(text: str, shift: int) -> str:
    """Shift every ASCII letter of text by shift places, wrapping around the alphabet."""
    result = []
    for ch in text:
        if "a" <= ch <= "z":
            base = ord("a")
        elif "A" <= ch <= "Z":
            base = ord("A")
        else:
            result.append(ch)
            continue
        result.append(chr(base + (ord(ch) - base + shift) % 26))
    return "".join(result)
