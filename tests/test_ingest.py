"""Bringing documents in: `planqa add` / `remove` / `build` from the recorded sources, stale
file warnings, failed changes leaving the previous index serving. Tiny .txt corpora written
here, the real bundled e5 model, a fresh embedding cache per test (so embedded counts are
exact)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import index
from corpus.errors import UserError
from corpus.settings import Settings
from index import sources, store

TONGLIANG = "铜梁区科技创新工作要点\n\n一、主要目标\n\n到2025年，建设龙舞数字博物馆一座。\n"
RONGCHANG = "荣昌区科技创新工作要点\n\n一、主要目标\n\n到2025年，建成夏布数字研究院一家。\n"
DAZU = "大足区科技创新工作要点\n\n一、主要目标\n\n到2025年，建设石刻数字展示中心一个。\n"


@pytest.fixture(params=("local", "milvus"))
def env(request, tmp_path, monkeypatch):
    """A data folder with one file, a file beside it, and PLANQA_* pointing into tmp_path;
    every test runs on the local store and on an embedded Milvus (milvus-lite) store."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "tongliang.txt").write_text(TONGLIANG, encoding="utf-8")
    (tmp_path / "rongchang.txt").write_text(RONGCHANG, encoding="utf-8")
    monkeypatch.setenv("PLANQA_DATA_DIR", str(data))
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(tmp_path / "index"))
    if request.param == "milvus":
        monkeypatch.setenv("PLANQA_STORE", f"milvus:{tmp_path / 'planqa.db'}")
    return tmp_path


def _store(tmp: Path) -> str:
    return f"milvus:{tmp / 'planqa.db'}" if os.environ.get("PLANQA_STORE") else "local"


def _settings(tmp: Path) -> Settings:
    return Settings(
        data_dir=tmp / "data", index_dir=tmp / "index", cache_dir=tmp / "cache", store=_store(tmp)
    )


def _cli(capsys, *argv: str) -> tuple[int, dict | str, str]:
    from cli.main import main

    capsys.readouterr()
    code = main([*argv, "--quiet"] if argv[0] in ("build", "add", "remove") else list(argv))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except ValueError:
        return code, out, err


def _doc_ids(tmp: Path) -> list[str]:
    return [d.doc_id for d in index.open(tmp / "index").documents]


def _manifest(tmp: Path) -> dict:
    return json.loads((tmp / "index" / store.MANIFEST).read_text("utf-8"))


def test_add_embeds_only_the_new_chunks_and_build_keeps_added_files(env, capsys):
    code, built, _ = _cli(capsys, "build", str(env / "data"), "--json")
    assert code == 0 and built["documents"] == 1 and built["embedded"] == built["chunks"]
    code, added, _ = _cli(capsys, "add", str(env / "rongchang.txt"), "--json")
    assert code == 0
    assert added["added"] == ["rongchang"] and added["documents"] == 2
    new_chunks = added["chunks"] - built["chunks"]
    assert (added["embedded"], added["reused"]) == (new_chunks, built["chunks"])
    assert added["inputs_added"] == [str((env / "rongchang.txt").resolve())]
    # no PATH: the recorded sources, the added file included, nothing embedded again
    code, again, _ = _cli(capsys, "build", "--json")
    assert code == 0 and again["documents"] == 2 and again["embedded"] == 0
    assert sorted(_doc_ids(env)) == ["rongchang", "tongliang"]
    code, found, _ = _cli(capsys, "search", "夏布数字研究院", "--k", "1", "--json")
    assert "夏布" in found["results"][0]["text"] and "stale" not in found
    # adding what is already there changes nothing and embeds nothing
    code, same, _ = _cli(capsys, "add", str(env / "data"), "--json")
    assert code == 0 and same["added"] == [] and same["embedded"] == 0
    assert same["inputs_added"] == []


def test_build_with_no_path_picks_up_new_files_in_recorded_folders(env, capsys):
    assert _cli(capsys, "build", str(env / "data"))[0] == 0
    (env / "data" / "dazu.txt").write_text(DAZU, encoding="utf-8")
    _, out, _ = _cli(capsys, "search", "石刻", "--json")
    assert out["stale"] == [
        {"path": str((env / "data" / "dazu.txt").resolve()), "state": "new", "documents": []}
    ]
    _code, rebuilt, _ = _cli(capsys, "build", "--json")
    assert rebuilt["added"] == ["dazu"] and rebuilt["documents"] == 2


def test_remove_from_a_folder_is_recorded_and_survives_a_rebuild(env, capsys):
    (env / "data" / "dazu.txt").write_text(DAZU, encoding="utf-8")
    assert _cli(capsys, "build", "--json")[0] == 0  # no index yet: the data dir
    code, out, _ = _cli(capsys, "remove", "dazu", "--json")
    assert code == 0 and out["removed"] == ["dazu"] and out["embedded"] == 0
    assert out["inputs_dropped"] == []
    assert _doc_ids(env) == ["tongliang"]
    assert _manifest(env)["removed_documents"] == ["dazu"]
    code, again, _ = _cli(capsys, "build", "--json")
    assert code == 0 and again["documents"] == 1 and _doc_ids(env) == ["tongliang"]
    code, docs, _ = _cli(capsys, "docs", "--json")
    assert [d["doc_id"] for d in docs["documents"]] == ["tongliang"]
    # naming the file again brings its document back
    code, back, _ = _cli(capsys, "add", str(env / "data" / "dazu.txt"), "--json")
    assert code == 0 and back["added"] == ["dazu"] and back["embedded"] == 0
    assert _manifest(env)["removed_documents"] == []


def test_removing_every_document_of_an_added_file_drops_it_as_a_source(env, capsys):
    assert _cli(capsys, "build", str(env / "data"))[0] == 0
    assert _cli(capsys, "add", str(env / "rongchang.txt"))[0] == 0
    code, out, _ = _cli(capsys, "remove", "rongchang", "--json")
    assert code == 0 and out["inputs_dropped"] == [str((env / "rongchang.txt").resolve())]
    manifest = _manifest(env)
    assert manifest["sources"] == [str((env / "data").resolve())]
    assert manifest["removed_documents"] == []
    # the file may now disappear: nothing refers to it any more
    (env / "rongchang.txt").unlink()
    code, rebuilt, err = _cli(capsys, "build", "--json")
    assert code == 0 and rebuilt["documents"] == 1, err


def test_bad_removals_are_one_line_errors(env, capsys):
    assert _cli(capsys, "build", str(env / "data"))[0] == 0
    before = _manifest(env)
    code, _, err = _cli(capsys, "remove", "no-such-doc")
    assert code == 2 and "no document no-such-doc" in err and "Traceback" not in err
    code, _, err = _cli(capsys, "remove", "tongliang")
    assert code == 2 and "every document" in err
    assert _manifest(env) == before
    code, _, err = _cli(capsys, "remove", "x", "--index", str(env / "none"))
    assert code == 2 and "no index" in err


def test_stale_files_are_named_with_the_refreshing_command(env, capsys):
    assert _cli(capsys, "build", str(env / "data"))[0] == 0
    assert _cli(capsys, "add", str(env / "rongchang.txt"))[0] == 0
    tongliang = env / "data" / "tongliang.txt"
    # touched, not changed: not stale (hashed because the mtime moved, and equal)
    os.utime(tongliang, ns=(1, 1))
    code, out, err = _cli(capsys, "search", "龙舞", "--json")
    assert code == 0 and "stale" not in out and "warning" not in err
    tongliang.write_text(TONGLIANG.replace("一座", "两座"), encoding="utf-8")
    code, out, err = _cli(capsys, "ask", "铜梁区要建设什么博物馆？", "--json")
    assert code == 0
    assert out["stale"] == [
        {"path": str(tongliang.resolve()), "state": "changed", "documents": ["tongliang"]}
    ]
    assert "tongliang.txt (changed)" in err and "planqa build --index" in err
    code, out, err = _cli(capsys, "search", "龙舞")
    assert "planqa build" in err  # human output warns too
    code, out, err = _cli(capsys, "districts", "博物馆", "--json")
    assert code == 0 and out["stale"][0]["state"] == "changed" and "planqa build" in err
    # a deleted file that was named on its own: build cannot re-read it, remove drops it
    (env / "rongchang.txt").unlink()
    code, out, err = _cli(capsys, "search", "龙舞", "--json")
    assert {s["state"] for s in out["stale"]} == {"changed", "missing"}
    assert "planqa remove rongchang" in err
    code, _, err = _cli(capsys, "build")
    assert code == 2 and "no longer exists" in err and "planqa remove" in err
    assert _cli(capsys, "remove", "rongchang")[0] == 0
    code, out, err = _cli(capsys, "search", "两座", "--json")
    assert code == 0 and "stale" not in out
    assert "两座" in out["results"][0]["text"]


def test_a_failed_add_leaves_the_previous_index_serving(env, capsys):
    assert _cli(capsys, "build", str(env / "data"))[0] == 0
    before = _manifest(env)
    junk = env / "report.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    code, _, err = _cli(capsys, "add", str(junk))
    assert code == 2 and "nothing to add" in err and "binary" in err
    empty = env / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")
    code, _, err = _cli(capsys, "add", str(empty))
    assert code == 2 and "holds no file planqa reads" in err
    code, _, err = _cli(capsys, "add", str(env / "missing.txt"))
    assert code == 2 and "no such file" in err
    assert _manifest(env) == before
    assert _cli(capsys, "search", "龙舞", "--json")[1]["results"]


def test_an_exception_mid_build_leaves_the_previous_index_intact(env, monkeypatch):
    settings = _settings(env)
    index.build(settings, [env / "data", env / "rongchang.txt"], progress=False)
    before = _manifest(env)
    (env / "dazu.txt").write_text(DAZU, encoding="utf-8")

    def explode(self, folder):
        raise RuntimeError("disk full")

    # the store's own files (local), or the catalog after the new collection was written
    where = (
        "index.lexical.LexicalIndex.save"
        if settings.store == "local"
        else "index.stores.MilvusBuild.save"
    )
    monkeypatch.setattr(where, explode)
    with pytest.raises(RuntimeError):
        index.add(settings, [env / "dazu.txt"], progress=False)
    with pytest.raises(RuntimeError):
        index.remove(settings, ["rongchang"], progress=False)
    assert _manifest(env) == before
    opened = index.open(settings.index_dir, settings)
    assert [d.doc_id for d in opened.documents] == ["rongchang", "tongliang"]
    assert [p.name for p in env.iterdir() if ".tmp-" in p.name] == []
    assert [h.chunk.doc_id for h in opened.search("夏布数字研究院", k=1)] == ["rongchang"]
    if settings.store != "local":  # the failed builds' collections are gone
        assert opened.store.client.list_collections() == [opened.store.collection]


def test_two_files_with_one_document_id_are_refused(env, capsys):
    assert _cli(capsys, "build", str(env / "data"))[0] == 0
    other = env / "other"
    other.mkdir()
    (other / "tongliang.txt").write_text(DAZU, encoding="utf-8")
    code, _, err = _cli(capsys, "add", str(other))
    # refused, or (where the corpus stage tells such files apart by their folders) both kept
    # under two ids: either way one id never names two documents
    if code == 2:
        assert "same document id tongliang" in err
    else:
        ids = _doc_ids(env)
        assert len(ids) == 2 and len(set(ids)) == 2


def test_add_without_an_index_starts_from_the_data_dir(env, capsys):
    code, out, _ = _cli(capsys, "add", str(env / "rongchang.txt"), "--json")
    assert code == 0 and out["added"] == ["rongchang", "tongliang"]
    assert _manifest(env)["sources"] == [
        str((env / "data").resolve()),
        str((env / "rongchang.txt").resolve()),
    ]


def test_an_index_built_before_sources_were_recorded_is_rebuilt_from_its_inputs(env, capsys):
    assert _cli(capsys, "build", str(env / "data"))[0] == 0
    path = env / "index" / store.MANIFEST
    manifest = json.loads(path.read_text("utf-8"))
    del manifest["source_files"], manifest["removed_documents"]  # as older builds wrote it
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert not sources.recorded_sources(env / "index").recorded
    (env / "data" / "tongliang.txt").write_text(TONGLIANG + "\n二、措施\n\n新增内容。\n", "utf-8")
    code, out, _err = _cli(capsys, "search", "龙舞", "--json")
    assert "stale" not in out  # nothing recorded to compare with
    code, rebuilt, _ = _cli(capsys, "build", "--json")
    assert code == 0 and rebuilt["documents"] == 1
    assert sources.recorded_sources(env / "index").recorded


def test_stale_message_is_none_when_nothing_changed():
    assert sources.stale_message([], Path("idx")) is None
    with pytest.raises(UserError):
        sources.assemble([str(Path("/no/such/folder"))])


def test_two_adds_at_once_both_land(env):
    import threading

    settings = _settings(env)
    index.build(settings, [env / "data"], progress=False)
    (env / "dazu.txt").write_text(DAZU, encoding="utf-8")
    errors = []

    def add(name):
        try:
            index.add(settings, [env / name], progress=False)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in ("rongchang.txt", "dazu.txt")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(_doc_ids(env)) == ["dazu", "rongchang", "tongliang"]


def test_a_change_waiting_for_another_says_so(env, caplog):
    import fcntl
    import threading

    settings = _settings(env)
    index.build(settings, [env / "data"], progress=False)
    lock_path = env / f".{Path(settings.index_dir).name}.changes.lock"
    holder = open(lock_path, "w")  # noqa: SIM115 - held across the thread below
    fcntl.flock(holder, fcntl.LOCK_EX)
    done = threading.Event()
    worker = threading.Thread(
        target=lambda: (index.add(settings, [env / "rongchang.txt"], progress=False), done.set())
    )
    with caplog.at_level("WARNING", logger="index.sources"):
        worker.start()
        assert not done.wait(1.0)  # queued behind the holder
        fcntl.flock(holder, fcntl.LOCK_UN)
        holder.close()
        worker.join(60)
    assert done.is_set()
    assert any("waiting for it" in r.getMessage() for r in caplog.records)


def test_build_repairs_a_damaged_index_from_its_recorded_sources(env, capsys):
    assert _cli(capsys, "build", str(env / "data"))[0] == 0
    assert _cli(capsys, "add", str(env / "rongchang.txt"))[0] == 0
    folder = env / "index"
    for name in (
        (store.DENSE, store.DOCUMENTS) if (folder / store.DENSE).exists() else (store.DOCUMENTS,)
    ):
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(data[: len(data) // 2])
    code, _, err = _cli(capsys, "search", "龙舞")
    assert code == 2 and "damaged" in err and "planqa build" in err
    code, out, err = _cli(capsys, "build", "--json")  # the hint works: the added file stays
    assert code == 0 and out["documents"] == 2, err
    assert sorted(_doc_ids(env)) == ["rongchang", "tongliang"]
    # a manifest that cannot be read records nothing: the data dir, said on stderr
    (folder / store.MANIFEST).write_text("{not json", "utf-8")
    code, out, err = _cli(capsys, "build", "--json")
    assert code == 0 and "sources are unknown" in err and out["documents"] == 1


def test_files_in_subfolders_are_recorded_with_their_documents(env, capsys):
    sub = env / "data" / "sub"
    sub.mkdir()
    (sub / "dazu.txt").write_text(DAZU, encoding="utf-8")
    assert _cli(capsys, "build", "--json")[0] == 0
    files = {Path(f["path"]).name: f["documents"] for f in _manifest(env)["source_files"]}
    assert files == {"dazu.txt": ["sub/dazu"], "tongliang.txt": ["tongliang"]}
    code, out, _ = _cli(capsys, "remove", "sub/dazu", "--json")
    assert code == 0 and out["removed"] == ["sub/dazu"] and out["inputs_dropped"] == []
    (sub / "rongchang.txt").write_text(RONGCHANG, encoding="utf-8")
    code, out, _ = _cli(capsys, "search", "龙舞", "--json")
    assert [(Path(s["path"]).name, s["state"]) for s in out["stale"]] == [("rongchang.txt", "new")]
    code, out, _ = _cli(capsys, "build", "--json")
    assert sorted(_doc_ids(env)) == ["sub/rongchang", "tongliang"]
