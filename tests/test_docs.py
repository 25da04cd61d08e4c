"""The README and docs/: every relative link points at a file of the repository, and the
README's first two commands are the set-up (one runs the app, one runs the tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_point_at_files(page):
    targets = [t for t in LINK.findall(page.read_text("utf-8")) if "://" not in t]
    missing = [t for t in targets if not (page.parent / t).resolve().exists()]
    # ../shared is beside the repository, not in it
    assert [t for t in missing if not t.startswith("../shared")] == []


def test_the_readme_starts_with_the_two_set_up_commands():
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.DOTALL)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block[1].splitlines() if line.strip()]
    assert commands[:2] == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^run: .*\n\t.*planqa serve", makefile, re.MULTILINE)
    assert re.search(r"^test: .*\n\t.*pytest", makefile, re.MULTILINE)
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")
