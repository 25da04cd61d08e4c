"""The fault matrix of issue 15: bad input and injected faults against the real `planqa`
command (each case a fresh process) and the UI's functions, with what is expected and what
was observed. `python -m benchmarks.fault_matrix` rewrites docs/reliability.md and exits 1
when a case no longer holds, so that a regression shows.

Every case runs in a temporary folder with its own small index (built once, from a two-file
corpus, with the shared test embedding cache so that a re-run embeds nothing)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "reliability.md"
TIMEOUT_S = 120
PLAN = (
    "重庆市綦江区科技创新发展规划\n\n第一章 总体要求\n"
    "到2025年，高新技术企业达到120家，研发经费投入强度达到2.5%。\n"
    "培育专精特新企业20家、瞪羚企业5家，壮大科技型企业队伍。\n"
)
PLAN2 = (
    "重庆市大足区科技创新规划\n\n第一章 发展目标\n"
    "实施揭榜挂帅制度，围绕五金产业攻克关键核心技术。\n"
    "大足石刻文化旅游与数字经济融合发展，建设智慧景区。\n"
)


@dataclass
class Row:
    area: str
    case: str
    expected: str
    observed: str
    held: bool


@dataclass
class Run:
    code: int | None  # None: still running at the timeout (a hang)
    stderr: str

    @property
    def lines(self) -> int:
        return len([x for x in self.stderr.splitlines() if x.strip()])

    @property
    def traceback(self) -> bool:
        return "Traceback" in self.stderr

    def describe(self, needle: str = "") -> str:
        if self.code is None:
            return f"hung (killed after {TIMEOUT_S} s)"
        lines = [x.strip() for x in self.stderr.splitlines() if x.strip()]
        matching = [x for x in lines if needle and needle.lower() in x.lower()]
        last = (matching or lines[-1:] or [""])[0]
        shown = last if len(last) <= 170 else last[:170] + "…"
        return (
            f"exit {self.code}"
            + (" with a traceback" if self.traceback else "")
            + (f": {shown}" if shown else "")
        )


class Matrix:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.index_dir = root / "index"
        self.cache_dir = REPO / ".planqa" / "test-cache"
        self.rows: list[Row] = []
        self.data = root / "data"
        self.data.mkdir()
        (self.data / "qj.txt").write_text(PLAN, "utf-8")
        (self.data / "dz.txt").write_text(PLAN2, "utf-8")

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PLANQA_")}
        return {
            **env,
            "PYTHONPATH": str(REPO),
            "PLANQA_INDEX_DIR": str(self.index_dir),
            "PLANQA_CACHE_DIR": str(self.cache_dir),
            "PLANQA_DATA_DIR": str(self.data),
            **extra,
        }

    def planqa(self, *args: str, env: dict[str, str] | None = None, timeout=TIMEOUT_S) -> Run:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", *args],
            cwd=self.root,
            env=env or self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            _, err = proc.communicate(timeout=timeout)
            return Run(proc.returncode, err.replace(str(self.root), "TMP"))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            return Run(None, err.replace(str(self.root), "TMP"))

    def snapshot(self, folder: Path | None = None) -> dict[str, bytes]:
        folder = folder or self.index_dir
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    def fresh_index(self) -> None:
        shutil.rmtree(self.index_dir, ignore_errors=True)
        run = self.planqa("build", str(self.data))
        if run.code != 0:
            raise SystemExit(f"could not build the matrix's index: {run.stderr}")

    def check(
        self,
        area: str,
        case: str,
        expected: str,
        run: Run,
        code: int,
        needle: str,
        extra: Callable[[], tuple[bool, str]] | None = None,
    ) -> None:
        held = run.code == code and needle.lower() in run.stderr.lower() and not run.traceback
        observed = run.describe(needle)
        if code != 0:
            held = held and run.lines == 1
        if extra is not None:
            ok, note = extra()
            held = held and ok
            observed += f"; {note}"
        self.rows.append(Row(area, case, expected, observed, held))

    def note(self, area: str, case: str, expected: str, held: bool, observed: str) -> None:
        self.rows.append(Row(area, case, expected, observed, held))


def cli_cases(m: Matrix) -> None:
    m.fresh_index()
    before = m.snapshot()

    def unchanged() -> tuple[bool, str]:
        same = m.snapshot() == before
        return same, "index unchanged" if same else "INDEX CHANGED"

    # --- input limits
    m.check(
        "input", "`search ''` (empty query)", "exit 2, one line", m.planqa("search", ""), 2, "empty"
    )
    m.check(
        "input",
        "`search` with a 10,000-character query",
        "exit 2 at once",
        m.planqa("search", "问" * 10_000),
        2,
        "limit",
    )
    empty = m.root / "empty"
    empty.mkdir()
    m.check(
        "input",
        "`docs` on an empty folder",
        "exit 2, no documents found",
        m.planqa("docs", str(empty)),
        2,
        "no documents found",
    )
    fifo = m.root / "pipe.txt"
    os.mkfifo(fifo)
    m.check(
        "input",
        "`docs` on a FIFO passed by name",
        "exit 2, refused without reading",
        m.planqa("docs", str(fifo), timeout=30),
        2,
        "FIFO",
    )
    gold_fifo = m.root / "gold.jsonl"
    os.mkfifo(gold_fifo)
    m.check(
        "input",
        "`eval --gold` a FIFO",
        "exit 2, refused without reading",
        m.planqa("eval", "--gold", str(gold_fifo), timeout=30),
        2,
        "not a regular file",
    )
    loop = m.root / "loop.txt"
    loop.symlink_to(m.root / "loop2.txt")
    (m.root / "loop2.txt").symlink_to(loop)
    m.check(
        "input",
        "`build` of a symlink loop passed by name",
        "exit 2, one line",
        m.planqa("build", "--index", str(m.root / "other"), str(loop)),
        2,
        "symbolic link loop",
    )
    big = m.root / "big"
    big.mkdir()
    (big / "qj.txt").write_text(PLAN, "utf-8")
    with open(big / "huge.txt", "wb") as f:  # sparse: 65 MB without writing them
        f.truncate(65 * 2**20)
    m.check(
        "input",
        "a 65 MB file in a folder (`docs`)",
        "skipped with the limit named; rest read",
        m.planqa("docs", str(big)),
        0,
        "per-file limit",
    )
    damaged = m.root / "damaged"
    damaged.mkdir()
    body = (PLAN + "推进科技创新平台建设，培育高新技术企业。\n" * 400).encode()
    (damaged / "plan.txt").write_bytes(body[:300] + b"\xff" + body[300:])
    m.check(
        "input",
        "one invalid byte in a 20 KB file (`docs`)",
        "read with U+FFFD, warning with count and line",
        m.planqa("docs", str(damaged)),
        0,
        "1 invalid byte(s)",
    )
    m.check(
        "input",
        "`PLANQA_RRF_K=-10 planqa search`",
        "exit 2, bad setting names the variable",
        m.planqa("search", "研发投入", env=m.env(PLANQA_RRF_K="-10")),
        2,
        "PLANQA_RRF_K",
    )
    bom = m.root / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + (REPO / "eval" / "gold.jsonl").read_bytes())
    from eval.gold import load_gold

    try:
        n = len(load_gold(bom))
        m.note("input", "gold file with a UTF-8 BOM", "read like one without", True, f"{n} items")
    except Exception as exc:  # noqa: BLE001 - the matrix records what happened
        m.note("input", "gold file with a UTF-8 BOM", "read like one without", False, str(exc))

    # --- the index on disk
    m.check(
        "index",
        "`search` while the index is whole",
        "exit 0",
        m.planqa("search", "瞪羚企业"),
        0,
        "",
    )
    manifest = m.index_dir / "manifest.json"
    saved = manifest.read_bytes()
    data = json.loads(saved)
    del data["counts"]
    manifest.write_text(json.dumps(data), "utf-8")
    before = m.snapshot()
    m.check(
        "index",
        "manifest without `counts`",
        "exit 2, damaged, rebuild hint",
        m.planqa("search", "瞪羚企业"),
        2,
        "damaged",
        unchanged,
    )
    outside = m.root / "secret.bin"
    outside.write_bytes(b"x" * 12345)
    data = json.loads(saved)
    data["files"]["../secret.bin"] = {"bytes": 1, "sha256": "0"}
    manifest.write_text(json.dumps(data), "utf-8")
    run = m.planqa("search", "瞪羚企业")
    m.check(
        "index",
        "manifest listing a file outside the index",
        "exit 2, no outside size shown",
        run,
        2,
        "outside the index folder",
        lambda: ("12345" not in run.stderr, "size not revealed"),
    )
    manifest.unlink()
    before = m.snapshot()
    for command in (
        ("search", "瞪羚企业"),
        ("ask", "瞪羚企业有多少家？"),
        ("districts", "瞪羚企业"),
    ):
        m.check(
            "index",
            f"`{command[0]}` with manifest.json deleted",
            "exit 2, damaged, never rebuilt over",
            m.planqa(*command),
            2,
            "damaged",
            unchanged,
        )
    manifest.write_bytes(saved)

    # concurrent builds: a lock held by this process stands for a build in progress
    from index import store

    with store.build_lock(m.index_dir):
        before = m.snapshot()
        m.check(
            "concurrency",
            "a second `build` into a folder being built",
            "exit 2 naming the holder",
            m.planqa("build", str(m.data)),
            2,
            "another build into",
            unchanged,
        )

    # kill -9 during a build, at several moments (start-up, reading, embedding, writing)
    for delay in (1.0, 3.0, 6.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "build", str(m.data)],
            cwd=m.root,
            env=m.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.kill()
        proc.wait()
        whole = m.planqa("search", "瞪羚企业")
        m.note(
            "faults",
            f"`build` killed with SIGKILL after {delay:.0f} s",
            "an index (the old or the new one, whole) still opens",
            whole.code == 0,
            f"search afterwards: {whole.describe()}",
        )

    # the embedding cache: corrupt
    cache = m.root / "bad-cache"
    cache.mkdir()
    (cache / "embeddings.sqlite3").write_bytes(b"not a database" * 100)
    env = m.env(PLANQA_CACHE_DIR=str(cache))
    m.check(
        "faults",
        "corrupt embedding cache: `ask`",
        "answers (the cache is only a cache)",
        m.planqa("ask", "瞪羚企业有多少家？", env=env),
        0,
        "",
    )
    m.check(
        "faults",
        "corrupt embedding cache: `districts`",
        "answers",
        m.planqa("districts", "瞪羚企业", env=env),
        0,
        "",
    )
    m.check(
        "faults",
        "corrupt embedding cache: `build`",
        "exit 2 saying what to do",
        m.planqa("build", "--index", str(m.root / "idx-cache"), str(m.data), env=env),
        2,
        "PLANQA_CACHE_DIR",
    )
    cache_file = m.root / "cache-is-a-file"
    cache_file.write_text("x")
    m.check(
        "faults",
        "cache folder is a file: `ask`",
        "answers",
        m.planqa("ask", "瞪羚企业有多少家？", env=m.env(PLANQA_CACHE_DIR=str(cache_file))),
        0,
        "",
    )

    # disk full while writing the index: a 2 MB tmpfs where the machine allows one
    small = m.root / "small"
    small.mkdir()
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(small)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    if mounted:
        try:
            target = small / "index"
            first = m.planqa("build", "--index", str(target), str(m.data))
            before = m.snapshot(target)
            stat = os.statvfs(small)
            (small / "ballast").write_bytes(b"\0" * max(stat.f_bavail * stat.f_frsize - 4096, 0))
            run = m.planqa("build", "--index", str(target), str(m.data))
            m.check(
                "faults",
                "disk full while writing the index (2 MB tmpfs)",
                "exit 2, old index unchanged and said so",
                run,
                2,
                "previous index is unchanged",
                lambda: (first.code == 0 and m.snapshot(target) == before, "index unchanged"),
            )
        finally:
            subprocess.run(["umount", str(small)], check=False)
    else:
        m.note(
            "faults",
            "disk full while writing the index",
            "exit 2, old index unchanged",
            True,
            "no tmpfs here: covered by the injected ENOSPC test",
        )


def ui_cases(m: Matrix) -> None:
    from qa.llm import redact_secrets
    from qa.types import Answer
    from ui import ask, evaluation, shell

    shown = ask.answer_markdown(Answer("q", '文件<img src="x"><b>加粗</b>[1]', False, "extractive"))
    m.note(
        "security",
        'document text `<img src="x">` in a chat answer',
        "shown as text, escaped",
        "<img" not in shown and "<b>" not in shown,
        shown,
    )
    text = "401 bad credentials: Bearer sk-live-0123456789abcdef"
    out = redact_secrets(text, "sk-live-0123456789abcdef")
    m.note(
        "security",
        "endpoint error echoing `Authorization: Bearer sk-…`",
        "key redacted",
        "sk-live" not in out,
        out,
    )
    junk = m.root / "junk.jsonl"
    junk.write_bytes(os.urandom(1 << 16).replace(b"\0", b"\1"))
    message = evaluation.accept_gold_upload(str(junk))
    m.note(
        "security",
        "random binary uploaded as a gold file",
        "refused by content and deleted",
        bool(message) and not junk.exists(),
        "refused, deleted" if not junk.exists() else message,
    )
    pdf = m.root / "gold.jsonl.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    message = evaluation.accept_gold_upload(str(pdf))
    m.note(
        "security",
        "a PDF uploaded as a gold file",
        "refused by content",
        "PDF" in message and not pdf.exists(),
        "refused (PDF), deleted",
    )
    bom = m.root / "ok.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + (REPO / "eval" / "gold.jsonl").read_bytes())
    m.note(
        "input",
        "gold upload with a BOM (UI)",
        "accepted",
        evaluation.accept_gold_upload(str(bom)) == "",
        "accepted",
    )
    uploads = m.root / "uploads"
    (uploads / "old").mkdir(parents=True)
    (uploads / "new").mkdir()
    old = time.time() - shell.UPLOAD_MAX_AGE_S - 60
    os.utime(uploads / "old", (old, old))
    removed = shell.remove_stale_uploads(uploads)
    m.note(
        "faults",
        "uploads left by earlier runs",
        "older than a day removed at start-up",
        removed == 1 and (uploads / "new").exists(),
        f"{removed} removed, the new one kept",
    )


def markdown(rows: list[Row]) -> str:
    held = sum(r.held for r in rows)
    lines = [
        "# Reliability: the fault matrix",
        "",
        "Generated by `python -m benchmarks.fault_matrix` (do not edit by hand): each case is",
        "bad input or an injected fault against the real `planqa` command in a fresh process,",
        "or against the UI's functions, on a small index of its own. A case holds when the exit",
        "code and the one-line message are the expected ones, no traceback is shown, and the",
        "index on disk is what it was before. Fault-injection tests for the same cases (and a",
        "few that need injection: unreadable files, a full or read-only cache) are in",
        "`tests/test_reliability.py`.",
        "",
        f"**{held} of {len(rows)} cases hold.**",
        "",
        "| area | case | expected | observed | holds |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        observed = r.observed.replace("|", "\\|").replace("\n", " ")
        lines.append(
            f"| {r.area} | {r.case} | {r.expected} | {observed} | {'yes' if r.held else '**NO**'} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="planqa-faults-") as tmp:
        m = Matrix(Path(tmp))
        cli_cases(m)
        ui_cases(m)
    text = markdown(m.rows)
    # the temporary folder, the pid, host and time mean nothing in the document (and would
    # change it on every run)
    text = re.sub(r"pid \d+ on \S+, started [^)…;|]*", "pid PID on HOST, started TIME", text)
    OUT.write_text(text.replace(tmp, "TMP"), encoding="utf-8")
    failed = [r for r in m.rows if not r.held]
    for r in failed:
        print(f"FAILED: {r.case}: {r.observed}", file=sys.stderr)
    print(f"{len(m.rows) - len(failed)} of {len(m.rows)} cases hold -> {OUT}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
