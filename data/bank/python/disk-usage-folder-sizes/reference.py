def _measure(folder, path, sizes):
    """Record the size of folder and all its subfolders in sizes; return folder's size."""
    total = 0
    for name, item in folder.items():
        if isinstance(item, dict):
            total += _measure(item, f"{path.rstrip('/')}/{name}", sizes)
        else:
            total += item
    sizes[path] = total
    return total


def folder_sizes(tree):
    """Map the path of every folder in tree ('/' for the root) to the total size
    of the files inside it, at any depth."""
    sizes = {}
    _measure(tree, "/", sizes)
    return sizes
