def _read_field(text: str, pos: int) -> tuple[str, int]:
    """Read the field starting at pos; return its value and the position just after it."""
    end = len(text)
    if pos < end and text[pos] == '"':
        pos += 1
        chars = []
        while True:
            if pos == end:
                raise ValueError("quoted field is never closed")
            char = text[pos]
            if char == '"':
                if pos + 1 < end and text[pos + 1] == '"':
                    chars.append('"')
                    pos += 2
                    continue
                pos += 1
                break
            chars.append(char)
            pos += 1
        if pos < end and text[pos] not in ",\n":
            raise ValueError(f"unexpected {text[pos]!r} after a closing quote at position {pos}")
        return "".join(chars), pos
    start = pos
    while pos < end and text[pos] not in ",\n":
        if text[pos] == '"':
            raise ValueError(f"quote inside an unquoted field at position {pos}")
        pos += 1
    return text[start:pos], pos


def parse_csv(text: str) -> list[list[str]]:
    """Return the records of a CSV text as lists of fields, honouring quoted fields."""
    if not text:
        return []
    records = []
    record = []
    pos = 0
    while True:
        value, pos = _read_field(text, pos)
        record.append(value)
        if pos == len(text):
            records.append(record)
            return records
        separator = text[pos]
        pos += 1
        if separator == "\n":
            records.append(record)
            record = []
            if pos == len(text):
                return records
