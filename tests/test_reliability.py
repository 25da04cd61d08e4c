"""Issue 15, bad input and faults: each test injects one fault (damaged cache, unreadable
file, disk full, killed build, concurrent build, hostile text…) and checks the one-line
message, the exit code, and that nothing already on disk was lost. A tiny index with the
real bundled e5 model, as in test_index.py."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import tracemalloc
import warnings
from pathlib import Path

import pytest

import corpus
import index
from cli.main import main as cli_main
from corpus import reading
from corpus.errors import UserError
from corpus.model import Chunk, Document
from corpus.settings import Settings
from index import store
from index.cache import EmbeddingCache

REPO = Path(__file__).resolve().parent.parent

DOCS = [
    Document("qj", "綦江区科技创新规划", "綦江区", None, None, None, None, "plan", "qj.txt", 1, 9),
    Document("dz", "大足区科技创新规划", "大足区", None, None, None, None, "plan", "dz.txt", 1, 9),
]
TEXTS = [
    ("qj", "到2025年，高新技术企业达到120家。"),
    ("qj", "培育专精特新企业20家、瞪羚企业5家。"),
    ("dz", "实施揭榜挂帅制度，攻克关键核心技术。"),
    ("dz", "研发经费投入强度力争达到2%。"),
]
CHUNKS = [
    Chunk(
        f"c{i}",
        d,
        ("第一章 总体要求",),
        "text",
        t,
        i + 1,
        i + 1,
        DOCS[0 if d == "qj" else 1].district,
        DOCS[0 if d == "qj" else 1].title,
        f"{d}.txt",
        "plan",
    )
    for i, (d, t) in enumerate(TEXTS)
]
PLAN = "重庆市綦江区科技创新发展规划\n\n第一章 总体要求\n到2025年，高新技术企业达到120家。\n"


def _settings(tmp: Path, **kw) -> Settings:
    return Settings(index_dir=tmp / "index", cache_dir=tmp / "cache", **kw)


@pytest.fixture()
def built(tmp_path) -> Settings:
    settings = _settings(tmp_path)
    index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    return settings


def _index_files(settings: Settings) -> dict[str, bytes]:
    root = Path(settings.index_dir)
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


# ----------------------------------------------------------------------------- 1. memory


def test_minhash_is_fed_in_bounded_batches_and_gives_the_same_signature(monkeypatch):
    from datasketch import MinHash

    from corpus import duplicates

    text = "".join(f"第{i}条 推进科技创新，建设创新平台。" for i in range(3000))
    sizes: list[int] = []
    original = MinHash.update_batch

    def spy(self, values):
        sizes.append(len(values))
        return original(self, values)

    monkeypatch.setattr(MinHash, "update_batch", spy)
    key = duplicates.hash_key(text)
    batched = MinHash(num_perm=duplicates.NUM_PERM, seed=1)
    for batch in duplicates._shingle_batches(key):
        batched.update_batch(batch)
    assert max(sizes) <= duplicates.SHINGLE_BATCH
    whole = MinHash(num_perm=duplicates.NUM_PERM, seed=1)
    original(whole, [key[i : i + 5].encode() for i in range(len(key) - 4)])
    assert (batched.hashvalues == whole.hashvalues).all()


def _plan_text(megabytes: float) -> str:
    body = [
        f"第{k}条 推进科技创新平台建设，培育高新技术企业{k}家，研发投入强度达到{k}%。"
        for k in range(40)
    ]
    out = ["重庆市某区科技创新发展规划\n\n"]
    size, chapter = 0, 0
    while size < megabytes * 2**20:
        chapter += 1
        out.append(f"第{chapter}章 第{chapter}部分重点任务\n")
        for line in body:
            text = f"{line}（{chapter}）\n"
            out.append(text)
            size += len(text.encode())
    return "".join(out)


def test_reading_and_chunking_a_1mb_file_stays_under_10x_its_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(_plan_text(1), "utf-8")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        documents = corpus.load([path])
        chunks = corpus.chunk(documents)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert chunks
    assert peak < 10 * size, f"peak {peak / 2**20:.0f} MB for a {size / 2**20:.1f} MB file"


def test_a_file_above_the_per_file_limit_is_skipped_with_the_limit_named(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1024)
    (tmp_path / "a.txt").write_text(PLAN, "utf-8")
    (tmp_path / "b.txt").write_text(PLAN + "推进科技创新。\n" * 200, "utf-8")
    with pytest.warns(corpus.CorpusFileWarning, match=r"b\.txt: .*per-file limit"):
        docs = corpus.load([tmp_path])
    assert [d.source for d in docs] == ["a.txt"]


# ----------------------------------------------------------------------------- 2. no silent loss


def test_a_damaged_index_folder_is_reported_never_rebuilt_over(built):
    (Path(built.index_dir) / store.MANIFEST).unlink()
    before = _index_files(built)
    with pytest.raises(UserError, match=r"damaged \(manifest.json is missing\).*planqa build"):
        index.open_or_build(built, progress=False)
    assert _index_files(built) == before


def test_a_second_build_into_the_same_folder_is_refused_naming_the_holder(built):
    with (
        store.build_lock(Path(built.index_dir)),
        pytest.raises(UserError, match=rf"another build into .* is running \(pid {os.getpid()}"),
    ):
        index.build_from_chunks(built, DOCS, CHUNKS, progress=False)
    index.build_from_chunks(built, DOCS, CHUNKS, progress=False)  # released: builds again


def test_two_concurrent_build_processes_one_refused_one_succeeds(tmp_path, built):
    """Two `planqa build` into one folder at the same moment: the loser exits 2 with the
    holder named; the folder holds a whole index."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_text(PLAN, "utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PLANQA_INDEX_DIR": str(built.index_dir),
        "PLANQA_CACHE_DIR": str(built.cache_dir),
    }
    cmd = [sys.executable, "-m", "cli.main", "build", str(tmp_path / "docs")]
    with store.build_lock(Path(built.index_dir)):  # hold it so that both start while it is busy
        first = subprocess.run(
            cmd, check=False, env=env, capture_output=True, text=True, timeout=120
        )
    assert first.returncode == 2
    assert first.stderr.count("\n") == 1 and "another build into" in first.stderr
    assert f"pid {os.getpid()}" in first.stderr
    second = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert index.open(built.index_dir, built).manifest["counts"]["documents"] == 1


def test_one_invalid_byte_keeps_the_file_with_a_warning_naming_count_and_line(tmp_path):
    body = (PLAN + "推进科技创新平台建设，培育高新技术企业。\n" * 400).encode("utf-8")
    broken = body[:300] + b"\xff" + body[300:]
    path = tmp_path / "plan.txt"
    path.write_bytes(broken)
    assert len(broken) > 20_000
    with pytest.warns(corpus.CorpusFileWarning, match=r"1 invalid byte.*first on line \d+"):
        src = reading.read_source(path)
    assert src is not None and src.encoding == "utf-8"
    assert "\ufffd" in "".join(src.lines) and len("".join(src.lines)) > 6000


def test_gbk_text_is_still_read_as_gbk(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(PLAN.encode("gb18030"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        src = reading.read_source(path)
    assert src is not None and src.encoding == "gb18030" and "綦江区" in src.lines[0]


# ----------------------------------------------------------------------------- 3. one-line messages


def _corrupt_cache(settings: Settings) -> Path:
    path = Path(settings.cache_dir) / EmbeddingCache.FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    return path


def test_a_corrupt_cache_makes_build_say_what_to_do(tmp_path):
    settings = _settings(tmp_path)
    _corrupt_cache(settings)
    with pytest.raises(UserError, match=r"embedding cache .* cannot be used .*PLANQA_CACHE_DIR"):
        index.build_from_chunks(settings, DOCS, CHUNKS, progress=False)
    assert not Path(settings.index_dir).exists()


def test_questions_work_without_a_corrupt_cache(built, caplog):
    for wal in Path(built.cache_dir).glob("*-*"):
        wal.unlink()
    _corrupt_cache(built)
    idx = index.open(built.index_dir, built)
    vectors = idx.embed_texts(["全新的一段文字，缓存里没有。"])
    assert vectors.shape == (1, idx.dense.dim)
    assert idx.search("瞪羚企业", k=1)[0].chunk.chunk_id == "c1"
    assert "going on without it" in caplog.text


class _FailingConnection:
    """A cache connection whose every statement fails as SQLite does on a full disk or a
    read-only file."""

    def __init__(self, error: str) -> None:
        self.error = error

    def execute(self, *args, **kwargs):
        raise sqlite3.OperationalError(self.error)

    executemany = execute

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    "error", ["database or disk is full", "attempt to write a readonly database"]
)
def test_a_full_or_read_only_cache(built, monkeypatch, error):
    from index import cache as cache_module

    monkeypatch.setattr(cache_module, "_open_with_retry", lambda path: _FailingConnection(error))
    idx = index.open(built.index_dir, built)
    assert idx.embed_texts(["缓存写不进去也要能回答。"]).shape[0] == 1  # a question goes on
    assert idx.search("瞪羚企业", k=1)[0].chunk.chunk_id == "c1"
    with pytest.raises(UserError, match=rf"cannot be used \({error}\)"):  # a build explains
        index.build_from_chunks(built, DOCS, CHUNKS, progress=False)


def test_an_unreadable_file_is_skipped_not_the_whole_folder(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(PLAN, "utf-8")
    (tmp_path / "b.txt").write_text(PLAN, "utf-8")
    original = Path.read_bytes

    def read_bytes(self):
        if self.name == "b.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.warns(corpus.CorpusFileWarning, match=r"b\.txt: the file cannot be read"):
        docs = corpus.load([tmp_path])
    assert [d.source for d in docs] == ["a.txt"]


def test_a_symlink_loop_named_is_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(UserError, match="symbolic link loop"):
        corpus.load([tmp_path / "a.txt"])
    code = cli_main(["build", "--index", str(tmp_path / "index"), str(tmp_path / "a.txt")])
    assert code == 2 and "symbolic link loop" in capsys.readouterr().err


def test_a_fifo_named_is_refused_not_read(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done: list[int] = []
    thread = threading.Thread(target=lambda: done.append(cli_main(["docs", str(fifo)])))
    thread.start()
    thread.join(timeout=20)
    if thread.is_alive():  # unblock the reader so that pytest can finish
        with open(fifo, "w"):
            pass
        pytest.fail("planqa docs hung on a FIFO")
    assert done == [2] and "FIFO" in capsys.readouterr().err


def test_a_manifest_without_counts_is_damaged(built):
    path = Path(built.index_dir) / store.MANIFEST
    manifest = json.loads(path.read_text("utf-8"))
    del manifest["counts"]
    path.write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(UserError, match="damaged .*counts"):
        index.open(built.index_dir, built)


def test_disk_full_while_writing_keeps_the_old_index_and_says_so(built, monkeypatch):
    before = _index_files(built)
    original = store.write_json

    def full(path, data):
        if path.name == store.CHUNKS:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(path, data)

    monkeypatch.setattr(store, "write_json", full)
    with pytest.raises(
        UserError, match="no space left on the disk; the previous index is unchanged"
    ):
        index.build_from_chunks(built, DOCS, CHUNKS[:2], progress=False)
    assert _index_files(built) == before
    assert not list(Path(built.index_dir).parent.glob(".index.tmp-*"))
    monkeypatch.undo()
    assert len(index.open(built.index_dir, built).chunks) == len(CHUNKS)


def test_a_faiss_write_failing_on_a_full_disk_is_the_same_message(built, monkeypatch):
    from index.dense import DenseIndex

    def full(self, path):
        raise RuntimeError("Error in faiss::FileIOWriter: fwrite failed")

    monkeypatch.setattr(DenseIndex, "save", full)
    monkeypatch.setattr(store, "_nearly_full", lambda folder: True)
    with pytest.raises(UserError, match="no space left on the disk; the previous index"):
        index.build_from_chunks(built, DOCS, CHUNKS[:2], progress=False)


def test_disk_full_on_a_real_small_filesystem(tmp_path, built):
    """The same on a 2 MB tmpfs, where the machine allows mounting one."""
    mount = tmp_path / "small"
    mount.mkdir()
    ok = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        check=False,
        capture_output=True,
    )
    if ok.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (the injected ENOSPC test covers this)")
    try:
        small = Settings(index_dir=mount / "index", cache_dir=built.cache_dir)
        index.build_from_chunks(small, DOCS, CHUNKS, progress=False)
        before = _index_files(small)
        free = os.statvfs(mount).f_bavail * os.statvfs(mount).f_frsize
        (mount / "ballast").write_bytes(b"\0" * max(free - 4096, 0))
        with pytest.raises(UserError, match="no space left on the disk"):
            index.build_from_chunks(small, DOCS, CHUNKS, progress=False)
        assert _index_files(small) == before
        assert not list(mount.glob(".index.tmp-*"))
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_negative_rrf_k_is_a_bad_setting_naming_the_variable(monkeypatch, capsys):
    from corpus.settings import load_settings

    monkeypatch.setenv("PLANQA_RRF_K", "-10")
    with pytest.raises(UserError, match=r"bad setting PLANQA_RRF_K='-10'"):
        load_settings()
    assert cli_main(["search", "研发投入"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PLANQA_RRF_K" in err


def test_an_unreadable_or_fifo_gold_file_is_one_line(tmp_path, monkeypatch):
    from eval.gold import load_gold

    fifo = tmp_path / "gold.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="not a regular file"):
        load_gold(fifo)
    path = tmp_path / "locked.jsonl"
    path.write_text('{"id": "x"}\n', "utf-8")
    original = Path.read_text

    def read_text(self, *args, **kwargs):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    with pytest.raises(UserError, match="gold file cannot be read"):
        load_gold(path)


# ----------------------------------------------------------------------------- 4. input limits


@pytest.mark.parametrize(("query", "message"), [("", "empty"), ("问" * 10_000, "limit is")])
def test_search_checks_its_query_like_ask(tmp_path, capsys, query, message):
    t0 = time.perf_counter()
    assert cli_main(["search", "--index", str(tmp_path / "none"), query]) == 2
    assert message in capsys.readouterr().err and time.perf_counter() - t0 < 5
    assert not (tmp_path / "none").exists()  # refused before any index was built


def test_a_gold_file_with_a_bom_is_read(tmp_path):
    from eval.gold import DEFAULT_GOLD, load_gold

    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + Path(DEFAULT_GOLD).read_bytes())
    assert len(load_gold(path)) == len(load_gold(DEFAULT_GOLD))


def test_temp_folders_of_killed_builds_are_removed_at_start_up(built):
    parent = Path(built.index_dir).parent
    stale = parent / ".index.tmp-killed"
    fresh = parent / ".index.tmp-running"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / store.CHUNKS).write_text("[]")
    old = time.time() - store.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    index.open_or_build(built, progress=False)
    assert not stale.exists() and fresh.exists()


def test_kill_9_during_the_write_step_leaves_the_old_index_and_the_debris_is_cleaned(built):
    """A real build process killed with SIGKILL while it writes the new index."""
    parent = Path(built.index_dir).parent
    before = _index_files(built)
    ready = parent / "writing"
    script = f"""
import sys, time
sys.path.insert(0, {str(REPO)!r}); sys.path.insert(0, {str(REPO / "tests")!r})
import index
from index import store
from corpus.settings import Settings
from test_reliability import DOCS, CHUNKS
original = store.write_json
def slow(path, data):
    original(path, data)
    open({str(ready)!r}, "w").close()
    time.sleep(60)
store.write_json = slow
settings = Settings(index_dir={str(built.index_dir)!r}, cache_dir={str(built.cache_dir)!r})
index.build_from_chunks(settings, DOCS, CHUNKS[:3], progress=False)
"""
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=REPO)
    try:
        deadline = time.time() + 120
        while not ready.exists():
            assert proc.poll() is None and time.time() < deadline, "the build never wrote"
            time.sleep(0.1)
        proc.kill()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    debris = list(parent.glob(".index.tmp-*"))
    assert debris, "the killed build left its temporary folder"
    assert _index_files(built) == before
    assert len(index.open(built.index_dir, built).chunks) == len(CHUNKS)
    old = time.time() - store.STALE_TEMP_SECONDS - 60
    for folder in debris:
        os.utime(folder, (old, old))
    index.build_from_chunks(built, DOCS, CHUNKS, progress=False)  # lock is free again
    assert not list(parent.glob(".index.tmp-*"))


def test_stale_uploads_are_removed_at_start_up(tmp_path):
    from ui import shell

    stale, fresh = tmp_path / "old", tmp_path / "new"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "gold.jsonl").write_text("{}")
    old = time.time() - shell.UPLOAD_MAX_AGE_S - 60
    os.utime(stale, (old, old))
    assert shell.remove_stale_uploads(tmp_path) == 1
    assert not stale.exists() and fresh.exists()


def test_docs_on_an_empty_folder_is_an_error(tmp_path, capsys):
    assert cli_main(["docs", str(tmp_path)]) == 2
    assert "no documents found" in capsys.readouterr().err


def test_a_manifest_pointing_outside_the_index_is_refused_before_looking(built, tmp_path):
    outside = tmp_path / "secret.bin"
    outside.write_bytes(b"x" * 12345)
    path = Path(built.index_dir) / store.MANIFEST
    manifest = json.loads(path.read_text("utf-8"))
    manifest["files"]["../secret.bin"] = {"bytes": 1, "sha256": "0"}
    path.write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(UserError, match="outside the index folder") as info:
        index.open(built.index_dir, built)
    assert "12345" not in str(info.value)


# ----------------------------------------------------------------------------- 5. security


def test_document_html_in_a_chat_answer_is_escaped():
    from qa.types import Answer
    from ui import ask

    answer = Answer(
        question="q",
        answer='据文件，<img src="x"><b>加粗</b>[1]',
        abstained=False,
        mode="extractive",
        notice="<script>x</script>",
    )
    shown = ask.answer_markdown(answer)
    assert "<img" not in shown and "<b>" not in shown and "<script>" not in shown
    assert '&lt;img src="x"&gt;' in shown


@pytest.mark.parametrize(
    ("error", "chinese"),
    [
        (
            UserError("index_damaged", index_dir="/x/index", why="manifest.json is missing"),
            (
                "索引 /x/index 已损坏（manifest.json is missing），不会自动覆盖；"
                "请运行 `planqa build --index /x/index` 重建"
            ),
        ),
        (
            UserError("build_running", index_dir="/x/index", holder="pid 7 on h"),
            "另一个构建正在写入索引 /x/index（pid 7 on h）：请等它完成，或构建到另一个 --index",
        ),
    ],
)
def test_fault_messages_are_chinese_in_the_ui(error, chinese):
    from ui import messages

    assert messages.user_message(error) == chinese


def test_an_endpoint_echoing_the_api_key_never_puts_it_in_logs_or_output(caplog):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from qa import llm

    class Echo(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            body = json.dumps(
                {"error": {"message": f"bad credentials: {self.headers['Authorization']}"}}
            ).encode()
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    key = "sk-test-0123456789abcdefSECRET"
    try:
        settings = Settings(
            llm_base_url=f"http://127.0.0.1:{server.server_port}/v1",
            llm_model="m",
            llm_api_key=key,
            llm_timeout=10,
        )
        from qa.types import Answer

        extractive = Answer("q", "抽取式答案", False, "extractive")
        pieces = list(llm.generate("q", extractive, settings))
    finally:
        server.shutdown()
    final = pieces[-1]
    shown = json.dumps(final.to_dict(), ensure_ascii=False) + "".join(
        p for p in pieces if isinstance(p, str)
    )
    assert key not in caplog.text and key not in shown
    assert "secret" not in caplog.text.lower().replace("redact", "")
    assert "***" in caplog.text


def test_redact_secrets_covers_common_shapes():
    from qa.llm import redact_secrets

    text = 'Authorization: Bearer abc.def-123 api_key="k-987654" sk-ABCDEFGH12345678 mine-1234'
    out = redact_secrets(text, "mine-1234")
    for secret in ("abc.def-123", "k-987654", "sk-ABCDEFGH12345678", "mine-1234"):
        assert secret not in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (os.urandom(4096).replace(b"\0", b"\1"), "不是"),
        (b"%PDF-1.7\n" + b"x" * 100, "PDF"),
        ("第一行不是 JSON\n".encode(), "JSONL"),
    ],
)
def test_a_gold_upload_is_judged_by_content_and_a_refused_one_is_deleted(
    tmp_path, content, message
):
    from ui import evaluation

    path = tmp_path / "gold.jsonl"
    path.write_bytes(content)
    shown = evaluation.accept_gold_upload(str(path))
    assert message in shown and "pq-error" in shown
    assert not path.exists()


def test_a_good_gold_upload_is_kept(tmp_path):
    from eval.gold import DEFAULT_GOLD
    from ui import evaluation

    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + Path(DEFAULT_GOLD).read_bytes())
    assert evaluation.accept_gold_upload(str(path)) == "" and path.exists()


def test_a_bad_secret_setting_is_named_but_not_echoed():
    from corpus.settings import load_settings

    with pytest.raises(UserError) as caught:
        load_settings(milvus_token=12345678)
    message = str(caught.value)
    assert "PLANQA_MILVUS_TOKEN" in message and "12345678" not in message
