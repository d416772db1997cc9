def folder_sizes(tree):
    """Map the path of every folder in tree ('/' for the root) to the total size
    of the files inside it, at any depth."""
    raise NotImplementedError("write folder_sizes")
