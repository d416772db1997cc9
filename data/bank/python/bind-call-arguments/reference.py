import ast

POSITIONAL_ONLY = "positional-only"
POSITIONAL_OR_KEYWORD = "positional-or-keyword"
VAR_POSITIONAL = "var-positional"
KEYWORD_ONLY = "keyword-only"
VAR_KEYWORD = "var-keyword"

_NO_DEFAULT = object()


def _parse(signature):
    """Return a list of (name, kind, default) triples."""
    items = [item.strip() for item in signature.split(",") if item.strip()]
    kind = POSITIONAL_ONLY if "/" in items else POSITIONAL_OR_KEYWORD
    params = []
    for item in items:
        if item == "/":
            kind = POSITIONAL_OR_KEYWORD
        elif item == "*":
            kind = KEYWORD_ONLY
        elif item.startswith("**"):
            params.append((item[2:].strip(), VAR_KEYWORD, _NO_DEFAULT))
        elif item.startswith("*"):
            params.append((item[1:].strip(), VAR_POSITIONAL, _NO_DEFAULT))
            kind = KEYWORD_ONLY
        else:
            name, has_default, default = item.partition("=")
            value = ast.literal_eval(default.strip()) if has_default else _NO_DEFAULT
            params.append((name.strip(), kind, value))
    return params


def bind_arguments(signature, args, kwargs):
    """Match args (a tuple) and kwargs (a dict) to the parameters described by
    `signature` (the text of a def's parameter list) the way Python would.

    Return a dict mapping every parameter name to its value, in signature order.
    *name parameters get a tuple, **name parameters a dict.
    Raise TypeError when Python would reject the call.
    """
    params = _parse(signature)
    values = {}
    extra_keywords = {}

    # 1. positional arguments
    position = 0
    for name, kind, _ in params:
        if kind in (POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD) and position < len(args):
            values[name] = args[position]
            position += 1
        elif kind == VAR_POSITIONAL:
            values[name] = tuple(args[position:])
            position = len(args)
    if position < len(args):
        raise TypeError(f"too many positional arguments: {len(args)} given")

    # 2 and 3. keyword arguments
    by_keyword = {name for name, kind, _ in params if kind in (POSITIONAL_OR_KEYWORD, KEYWORD_ONLY)}
    for key, value in kwargs.items():
        if key in by_keyword:
            if key in values:
                raise TypeError(f"multiple values for argument {key!r}")
            values[key] = value
        else:
            extra_keywords[key] = value

    # 4 and 5. defaults and collectors
    for name, kind, default in params:
        if kind == VAR_KEYWORD:
            values[name] = extra_keywords
        elif kind != VAR_POSITIONAL and name not in values:
            if default is _NO_DEFAULT:
                raise TypeError(f"missing required argument {name!r}")
            values[name] = default
    if extra_keywords and not any(kind == VAR_KEYWORD for _, kind, _ in params):
        raise TypeError(f"unexpected keyword argument {next(iter(extra_keywords))!r}")

    return {name: values[name] for name, _, _ in params}
