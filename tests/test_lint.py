"""Type checking: corpus/ and index/ stay clean under the mypy config in pyproject.toml (the
same check `make lint` runs), so a type regression fails the suite, not just the lint step."""

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent


def _mypy(*args: str) -> tuple[str, int]:
    # the repo's config and its (gitignored) incremental cache, wherever pytest is started from
    out, err, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            *args,
        ]
    )
    return out + err, status


def test_corpus_and_index_type_check_clean():
    output, status = _mypy(str(ROOT / "corpus"), str(ROOT / "index"))
    assert status == 0, output
    assert "no issues found" in output


def test_the_config_reports_type_errors():
    # the gate above is only worth something if this config does flag a wrong type
    output, status = _mypy("-c", "def f() -> int:\n    return 'x'\n")
    assert status == 1, output
    assert "Incompatible return value type" in output
