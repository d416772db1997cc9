from solution import folder_sizes


def example():
    return {
        "notes.txt": 120,
        "docs": {
            "cv.pdf": 3000,
            "photos": {"cat.jpg": 5000, "dog.jpg": 7000},
        },
        "empty": {},
    }


def few(items, separator=", "):
    """At most three items, then how many more."""
    shown = separator.join(items[:3])
    return shown + (f" and {len(items) - 3} more" if len(items) > 3 else "")


def differences(got, expected):
    """What differs between two {path: size} dicts, in words (their order does not matter)."""
    if not isinstance(got, dict):
        return f"a dict is expected, got a {type(got).__name__}"
    wrong = [f"{path!r} should be {expected[path]}, got {got[path]!r}"
             for path in expected if path in got and got[path] != expected[path]]
    missing = [repr(path) for path in expected if path not in got]
    extra = [repr(path) for path in sorted(got, key=lambda key: len(str(key))) if path not in expected]
    found = [few(wrong, "; ")] if wrong else []
    if missing:
        found.append(f"missing folders {few(missing)}")
    if extra:
        found.append(f"unexpected keys {few(extra)}")
    return "; ".join(found)


def check(tree, expected, shown=None):
    got = folder_sizes(tree)
    shown = shown or repr(tree)
    assert got == expected, f"folder_sizes({shown}): expected {expected!r}, got {got!r} ({differences(got, expected)})"


def test_example():
    expected = {"/": 15120, "/docs": 15000, "/docs/photos": 12000, "/empty": 0}
    check(example(), expected, "the README's example tree")


def test_empty_root():
    check({}, {"/": 0})


def test_only_files_in_the_root():
    check({"a.txt": 10, "b.txt": 32, "c.bin": 0}, {"/": 42})


def test_empty_subfolders_are_listed():
    check({"tmp": {}, "cache": {"old": {}}}, {"/": 0, "/tmp": 0, "/cache": 0, "/cache/old": 0})


def test_same_names_in_different_folders():
    tree = {"a": {"img": {"x.png": 5}}, "b": {"img": {"x.png": 7}, "readme": 1}}
    check(tree, {"/": 13, "/a": 5, "/a/img": 5, "/b": 8, "/b/img": 7})


def test_sibling_folders_are_counted_separately():
    tree = {"music": {"song.mp3": 4000}, "video": {"clip.mp4": 90000}, "music.txt": 3}
    check(tree, {"/": 94003, "/music": 4000, "/video": 90000})


def test_deep_nesting():
    tree = {}
    folder = tree
    expected = {}
    path = ""
    for depth in range(50):
        folder["f"] = 1
        folder["d"] = {}
        folder = folder["d"]
        expected[path or "/"] = 50 - depth
        path += "/d"
    expected[path] = 0
    got = folder_sizes(tree)
    what = "folder_sizes(a tree 50 folders deep: each folder holds a 1-byte file 'f' and a subfolder 'd')"
    assert got == expected, f"{what}: {differences(got, expected)}"
