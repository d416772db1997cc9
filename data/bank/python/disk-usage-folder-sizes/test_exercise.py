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


def test_example():
    got = folder_sizes(example())
    expected = {"/": 15120, "/docs": 15000, "/docs/photos": 12000, "/empty": 0}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_root():
    got = folder_sizes({})
    assert got == {"/": 0}, f"expected {{'/': 0}}, got {got!r}"


def test_only_files_in_the_root():
    got = folder_sizes({"a.txt": 10, "b.txt": 32, "c.bin": 0})
    assert got == {"/": 42}, f"expected {{'/': 42}}, got {got!r}"


def test_empty_subfolders_are_listed():
    got = folder_sizes({"tmp": {}, "cache": {"old": {}}})
    expected = {"/": 0, "/tmp": 0, "/cache": 0, "/cache/old": 0}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_same_names_in_different_folders():
    tree = {"a": {"img": {"x.png": 5}}, "b": {"img": {"x.png": 7}, "readme": 1}}
    got = folder_sizes(tree)
    expected = {"/": 13, "/a": 5, "/a/img": 5, "/b": 8, "/b/img": 7}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_sibling_folders_are_counted_separately():
    tree = {"music": {"song.mp3": 4000}, "video": {"clip.mp4": 90000}, "music.txt": 3}
    got = folder_sizes(tree)
    expected = {"/": 94003, "/music": 4000, "/video": 90000}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_deep_nesting():
    tree = {}
    folder = tree
    for _ in range(50):
        folder["f"] = 1
        folder["d"] = {}
        folder = folder["d"]
    got = folder_sizes(tree)
    assert len(got) == 51, f"expected 51 folders, got {len(got)}"
    assert got["/"] == 50, f"expected 50 for '/', got {got['/']!r}"
    deepest = "/" + "/".join(["d"] * 50)
    assert got.get(deepest) == 0, f"expected 0 for the deepest folder, got {got.get(deepest)!r}"
    path = "/" + "/".join(["d"] * 10)
    assert got.get(path) == 40, f"expected 40 for {path!r}, got {got.get(path)!r}"
