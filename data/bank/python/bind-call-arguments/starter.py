def bind_arguments(signature, args, kwargs):
    """Match args (a tuple) and kwargs (a dict) to the parameters described by
    `signature` (the text of a def's parameter list) the way Python would.

    Return a dict mapping every parameter name to its value, in signature order.
    *name parameters get a tuple, **name parameters a dict.
    Raise TypeError when Python would reject the call.
    """
    raise NotImplementedError("write bind_arguments")
