"""AppTest of the Practice page's instructions: prose and wrapped code examples."""

from __future__ import annotations

import pytest
from practice_page import (
    choose,
)


def test_the_examples_wrap_so_their_expected_results_stay_in_view(at, wb):
    """In a markdown code block a long example line scrolled sideways in the narrow column, hiding its result."""
    choose(at, "python/name-initials")
    blocks = {c.value: c for c in at.code}
    examples = next(text for text in blocks if text.startswith('initials("Ada Lovelace")'))
    assert '# "A.L."' in examples.splitlines()[0]
    assert blocks[examples].proto.wrap_lines and blocks[examples].language == "python"
    assert all(c.proto.wrap_lines for c in blocks.values() if c.value in wb.exercise("python/name-initials").instructions)
    assert not [m.value for m in at.markdown if "```" in m.value], "no code block left in the prose"
    assert "Badges at a conference" in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("# T\n\nProse.\n\n```python\nf(1)  # 2\n```\n\n## Details\n", [
            (None, "# T\n\nProse.\n"), ("python", "f(1)  # 2"), (None, "\n## Details")], id="prose-code-prose"),
        pytest.param("```\nplain\n```", [("", "plain")], id="no-language"),
        pytest.param("~~~py\nx\n~~~\nafter", [("py", "x"), (None, "after")], id="tildes"),
        pytest.param("Text\n```python\nnever closed", [(None, "Text\n```python\nnever closed")], id="unclosed"),
        pytest.param("- item\n  ```\n  indented\n  ```", [(None, "- item\n  ```\n  indented\n  ```")],
                     id="indented-stays-in-its-list"),
    ],
)
def test_instructions_are_cut_into_prose_and_code_blocks(markdown, expected):
    from ui.instructions import parts

    assert parts(markdown) == expected
