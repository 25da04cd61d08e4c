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


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_page_names_a_machine_path(page):
    """Project documentation, not working notes: no path of someone's machine (docs/TEAM.md,
    a session's working agreement full of them, was removed)."""
    text = page.read_text("utf-8")
    assert re.findall(r"(?<![\w.])/(?:work|home|root|Users|tmp)/\S*", text) == []


def test_docs_hold_no_working_agreement():
    assert not (ROOT / "docs" / "TEAM.md").exists()


def test_the_readme_is_a_users_guide():
    """What it is, set-up, use, measured numbers, design in brief, in that order, and short
    enough to read (the calibration history lives under docs/; it was once 629 lines)."""
    text = (ROOT / "README.md").read_text("utf-8")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    guide = ["Set-up: two commands", "Use", "Measured", "Design in brief"]
    assert [h for h in headings if h in guide] == guide
    assert headings[0] == guide[0]
    assert len(text.splitlines()) <= 300
