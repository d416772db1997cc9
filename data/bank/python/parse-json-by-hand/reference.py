import re

_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_WHITESPACE = " \t\n\r"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_LITERALS = {"true": True, "false": False, "null": None}
_HEX = set("0123456789abcdefABCDEF")


def parse_json(text):
    """Parse a JSON document and return the matching Python value.
    Raise ValueError if text is not valid JSON."""
    value, pos = _parse_value(text, _skip(text, 0))
    pos = _skip(text, pos)
    if pos != len(text):
        raise ValueError(f"unexpected data at position {pos}")
    return value


def _skip(text, pos):
    while pos < len(text) and text[pos] in _WHITESPACE:
        pos += 1
    return pos


def _parse_value(text, pos):
    """Parse the value starting exactly at pos; return (value, position after it)."""
    if pos >= len(text):
        raise ValueError("unexpected end of input")
    char = text[pos]
    if char == "{":
        return _parse_object(text, pos + 1)
    if char == "[":
        return _parse_array(text, pos + 1)
    if char == '"':
        return _parse_string(text, pos + 1)
    for word, value in _LITERALS.items():
        if text.startswith(word, pos):
            return value, pos + len(word)
    match = _NUMBER.match(text, pos)
    if match:
        is_float = match.group(1) or match.group(2)
        return (float if is_float else int)(match.group()), match.end()
    raise ValueError(f"unexpected character {char!r} at position {pos}")


def _parse_array(text, pos):
    items = []
    pos = _skip(text, pos)
    if text.startswith("]", pos):
        return items, pos + 1
    while True:
        value, pos = _parse_value(text, _skip(text, pos))
        items.append(value)
        pos = _skip(text, pos)
        if text.startswith(",", pos):
            pos += 1
        elif text.startswith("]", pos):
            return items, pos + 1
        else:
            raise ValueError(f"expected ',' or ']' at position {pos}")


def _parse_object(text, pos):
    result = {}
    pos = _skip(text, pos)
    if text.startswith("}", pos):
        return result, pos + 1
    while True:
        if not text.startswith('"', pos):
            raise ValueError(f"expected a string key at position {pos}")
        key, pos = _parse_string(text, pos + 1)
        pos = _skip(text, pos)
        if not text.startswith(":", pos):
            raise ValueError(f"expected ':' at position {pos}")
        result[key], pos = _parse_value(text, _skip(text, pos + 1))
        pos = _skip(text, pos)
        if text.startswith(",", pos):
            pos = _skip(text, pos + 1)
        elif text.startswith("}", pos):
            return result, pos + 1
        else:
            raise ValueError(f"expected ',' or '}}' at position {pos}")


def _parse_string(text, pos):
    """pos is just after the opening quote; return (string, position after closing quote)."""
    chars = []
    while pos < len(text):
        char = text[pos]
        if char == '"':
            return "".join(chars), pos + 1
        if char == "\\":
            code = text[pos + 1:pos + 2]
            if code == "u":
                digits = text[pos + 2:pos + 6]
                if len(digits) != 4 or not set(digits) <= _HEX:
                    raise ValueError(f"bad \\u escape at position {pos}")
                chars.append(chr(int(digits, 16)))
                pos += 6
            elif code and code in _ESCAPES:
                chars.append(_ESCAPES[code])
                pos += 2
            else:
                raise ValueError(f"bad escape at position {pos}")
        elif char < " ":
            raise ValueError(f"control character in string at position {pos}")
        else:
            chars.append(char)
            pos += 1
    raise ValueError("unterminated string")
