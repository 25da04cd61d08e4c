"""What an index was built from, and whether the disk still says the same.

The manifest records the index's inputs (the files and folders named when it was built or
extended), every file read from them (size, mtime, sha256 and the documents it gave) and the
documents removed since. `rebuild` re-reads the inputs, `add` extends them, `remove` records
documents as removed (a file named on its own whose documents are all removed stops being an
input). Each re-reads its inputs, re-chunks and rebuilds the index atomically through
`core.build_from_chunks`; vectors come from the embedding cache, so only new text is embedded.

An index built before sources were recorded has only its inputs (`manifest["sources"]`): it
is rebuilt from them, and nothing can be said about changed files until that rebuild.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import time
import warnings
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from corpus.errors import FileNotice, Message, UserError
from corpus.model import Chunk, Document
from index import store
from index.types import BuildStats

BUNDLED = "(bundled corpus)"  # the input label of corpus/data (machine-independent)
SHOWN = 8  # names listed in a one-line message before "…"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceFile:
    """One file read into the index, as it was just before it was read."""

    path: str  # resolved
    bytes: int
    mtime_ns: int
    sha256: str
    documents: tuple[str, ...] = ()  # doc_ids it gave (removed ones included)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "bytes": self.bytes,
            "mtime_ns": self.mtime_ns,
            "sha256": self.sha256,
            "documents": list(self.documents),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SourceFile:
        return cls(
            str(d["path"]),
            int(d["bytes"]),
            int(d["mtime_ns"]),
            str(d["sha256"]),
            tuple(d.get("documents") or ()),
        )


@dataclass(frozen=True)
class Sources:
    """The recorded sources of one index (the `sources`, `source_files` and
    `removed_documents` fields of its manifest)."""

    inputs: tuple[str, ...]  # resolved paths as named, or BUNDLED
    files: tuple[SourceFile, ...] = ()
    removed: tuple[str, ...] = ()  # doc_ids left out of the index
    recorded: bool = True  # False: an index built before files were recorded

    @classmethod
    def from_manifest(cls, manifest: dict[str, Any]) -> Sources:
        inputs = tuple(str(s) for s in manifest.get("sources") or ()) or (BUNDLED,)
        if "source_files" not in manifest:
            return cls(inputs, recorded=False)
        return cls(
            inputs,
            tuple(SourceFile.from_dict(f) for f in manifest["source_files"]),
            tuple(manifest.get("removed_documents") or ()),
        )

    def manifest_fields(self) -> dict[str, Any]:
        return {
            "sources": list(self.inputs),
            "source_files": [f.to_dict() for f in self.files],
            "removed_documents": sorted(self.removed),
        }

    def file_of(self, doc_id: str) -> SourceFile | None:
        return next((f for f in self.files if doc_id in f.documents), None)


@dataclass(frozen=True)
class SourceChange:
    """What `add`, `remove` or `rebuild` did: the build's stats plus what came and went."""

    stats: BuildStats
    added: tuple[str, ...] = ()  # doc_ids new to the index
    removed: tuple[str, ...] = ()  # doc_ids no longer in it
    inputs_added: tuple[str, ...] = ()
    inputs_dropped: tuple[str, ...] = ()  # files that stopped being inputs
    skipped: tuple[FileNotice, ...] = ()  # files read but left out, and why

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.stats.to_dict(),
            "added": list(self.added),
            "removed": list(self.removed),
            "inputs_added": list(self.inputs_added),
            "inputs_dropped": list(self.inputs_dropped),
            "skipped": [n.to_dict() for n in self.skipped],
        }


# ----------------------------------------------------------------------------- inputs


def input_label(path: Path) -> str:
    from corpus.settings import BUNDLED_DATA_DIR

    path = Path(path).expanduser().resolve()
    return BUNDLED if path == BUNDLED_DATA_DIR.resolve() else str(path)


def input_path(label: str) -> Path:
    from corpus.settings import BUNDLED_DATA_DIR

    return BUNDLED_DATA_DIR if label == BUNDLED else Path(label)


def _shown(names: Sequence[str]) -> str:
    return ", ".join(names[:SHOWN]) + (" …" if len(names) > SHOWN else "")


def describe_file(path: Path, documents: Sequence[str] = ()) -> SourceFile:
    st = path.stat()
    return SourceFile(
        str(path.resolve()), st.st_size, st.st_mtime_ns, store.file_digest(path), tuple(documents)
    )


def recorded_sources(index_dir: Path) -> Sources:
    """The Sources of the index in index_dir. Only manifest.json is read, so that an index
    whose other files are damaged can still be rebuilt from what it records; UserError when
    there is no index or its manifest is unreadable."""
    import json

    index_dir = Path(index_dir)
    path = index_dir / store.MANIFEST
    if not path.is_file():
        raise UserError("no_index", index_dir=index_dir)
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise store.damaged(index_dir, f"manifest.json unreadable: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != store.FORMAT:
        raise store.damaged(index_dir, "manifest.json is not a planqa index manifest")
    return Sources.from_manifest(manifest)


# ----------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Assembled:
    """Documents and chunks read from a set of inputs, with the record of every file."""

    documents: list[Document]
    chunks: list[Chunk]
    sources: Sources
    all_doc_ids: frozenset[str]  # before removals
    skipped: tuple[FileNotice, ...] = ()
    by_file: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cited_as: dict[str, str] = field(default_factory=dict)  # resolved path -> source name


def _load_recording_skips(paths: list[Path]) -> tuple[list[Document], list[FileNotice]]:
    """corpus.load(paths), plus the files it skipped (their warnings are re-emitted)."""
    import corpus
    from corpus.reading import CorpusFileWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusFileWarning)
        documents = corpus.load(paths)
    skipped = []
    for w in caught:
        notice = getattr(w.message, "notice", None)
        if issubclass(w.category, CorpusFileWarning) and notice is not None and notice.skipped:
            skipped.append(notice)
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return documents, skipped


def named_files(paths: list[Path]) -> list[tuple[Path, str]]:
    """(file, the name its documents cite as their source: its path below the folder named)
    for every document file under `paths`, as corpus.load finds them (warnings silenced: the
    reading itself gives them)."""
    from corpus.reading import find_corpus_files

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(f.path, f.name) for f in find_corpus_files(paths)]


def assemble(inputs: Sequence[str], removed: Collection[str] = ()) -> Assembled:
    """Read `inputs` (labels), leave out the `removed` documents, chunk the rest. A named input
    that no longer exists is a UserError (nothing is dropped silently)."""
    import corpus
    from corpus.duplicates import link_duplicates

    paths = [input_path(label) for label in inputs]
    gone = [str(p) for p in paths if not p.exists()]
    if gone:
        raise UserError("source_gone", source=_shown(gone))
    files = named_files(paths)
    before = {str(f.resolve()): describe_file(f) for f, _ in files}  # as they were when read
    cited_as = {str(f.resolve()): name for f, name in files}
    documents, skipped = _load_recording_skips(paths)
    by_name: dict[str, list[str]] = {}
    for d in documents:
        by_name.setdefault(d.source, []).append(d.doc_id)
    records = tuple(
        replace(rec, documents=tuple(by_name.get(cited_as[path], ())))
        for path, rec in before.items()
    )
    all_ids = frozenset(d.doc_id for d in documents)
    if len(all_ids) < len(documents):  # ids must name one document: remove, filters, citations
        counts = Counter(d.doc_id for d in documents)
        twice = sorted(i for i, n in counts.items() if n > 1)
        raise UserError("duplicate_doc_id", doc_id=_shown(twice))
    removed_here = set(removed) & all_ids  # ids whose file is gone are forgotten
    if removed_here:
        kept = [replace(d, duplicate_of=None) for d in documents if d.doc_id not in removed_here]
        documents = link_duplicates(kept)  # a removed canonical copy hands over to the next
    chunks = corpus.chunk(documents)
    return Assembled(
        documents,
        chunks,
        Sources(tuple(inputs), records, tuple(sorted(removed_here))),
        all_ids,
        tuple(skipped),
        {r.path: r.documents for r in records},
        cited_as,
    )


def build_inputs(settings, inputs: Sequence[str], progress: bool, started: float) -> BuildStats:
    """`index.build` of explicit inputs: the index starts again from exactly these."""
    with _one_change_at_a_time(settings):
        return write(settings, assemble(inputs), progress, started)


def write(settings, assembled: Assembled, progress: bool, started: float) -> BuildStats:
    from index.core import build_from_chunks

    return build_from_chunks(
        settings,
        assembled.documents,
        assembled.chunks,
        progress=progress,
        sources=assembled.sources.inputs,
        started=started,
        record=assembled.sources.manifest_fields(),
    )


def _index_doc_ids(index_dir: Path) -> list[str]:
    import json

    try:
        docs = json.loads((index_dir / store.DOCUMENTS).read_text("utf-8"))
        return [d["doc_id"] for d in docs]
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise store.damaged(index_dir, f"{store.DOCUMENTS}: {exc}".splitlines()[0]) from exc


# ----------------------------------------------------------------------------- operations


def _index_dir(settings) -> Path:
    return Path(settings.index_dir).expanduser().resolve()


@contextlib.contextmanager
def _one_change_at_a_time(settings) -> Iterator[None]:
    """add/remove/rebuild read the recorded sources, then write an index from them: two at
    once (two terminals, or the UI and a terminal) would each lose the other's change, so
    they queue on a lock file beside the index."""
    index_dir = _index_dir(settings)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(index_dir.parent / f".{index_dir.name}.changes.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # queue behind it, and say so
            log.warning("another change to the index at %s is running; waiting for it", index_dir)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _current(settings, need_ids: bool = True) -> tuple[Sources, list[str]] | None:
    """(recorded sources, doc ids in the index), None without an index. need_ids=False: a
    damaged documents.json gives no ids instead of an error (a rebuild repairs it)."""
    index_dir = _index_dir(settings)
    if not store.exists(index_dir):
        return None
    sources = recorded_sources(index_dir)
    try:
        return sources, _index_doc_ids(index_dir)
    except UserError:
        if need_ids:
            raise
        return sources, []


def rebuild(settings, progress: bool = True) -> SourceChange:
    """Re-read the inputs the index records (changed files re-read, new files in its folders
    picked up, removed documents kept out) and rebuild it."""
    with _one_change_at_a_time(settings):
        return _rebuild(settings, progress)


def _rebuild(settings, progress: bool) -> SourceChange:
    t0 = time.perf_counter()
    current = _current(settings, need_ids=False)
    if current is None:
        raise UserError("no_index", index_dir=_index_dir(settings))
    sources, before_ids = current
    assembled = assemble(sources.inputs, sources.removed)
    stats = write(settings, assembled, progress, t0)
    after_ids = [d.doc_id for d in assembled.documents]
    return SourceChange(
        stats,
        added=tuple(i for i in after_ids if i not in set(before_ids)),
        removed=tuple(i for i in before_ids if i not in set(after_ids)),
        skipped=assembled.skipped,
    )


def add(settings, paths: Sequence[Path | str], progress: bool = True) -> SourceChange:
    """Extend the index with `paths` (files or folders). With no index yet, the index is
    first made of the data dir, as `planqa search` would build it. Re-adding a file brings
    back documents removed from it. A path that gives no readable document is a UserError
    and the index stays as it was."""
    with _one_change_at_a_time(settings):
        return _add(settings, paths, progress)


def _add(settings, paths: Sequence[Path | str], progress: bool) -> SourceChange:
    t0 = time.perf_counter()
    if not paths:
        raise UserError("add_needs_paths")
    from index.core import _resolve_named  # the same checks as `planqa build PATH…`

    resolved = _resolve_named(paths)
    current = _current(settings, need_ids=False)
    before_ids: list[str]
    if current is None:
        sources, before_ids = Sources((input_label(Path(settings.data_dir)),)), []
    else:
        sources, before_ids = current
    new_files = {str(f.resolve()) for f, _ in named_files(resolved)}
    for path in resolved:
        if path.is_dir() and not any(f.startswith(str(path) + "/") for f in new_files):
            raise UserError("folder_has_no_documents", path=path)
    inputs = list(sources.inputs)
    new_inputs = [label for label in map(input_label, resolved) if label not in inputs]
    inputs += new_inputs
    # documents removed from a file that is added again come back
    revived = {i for f in sources.files if f.path in new_files for i in f.documents}
    assembled = assemble(inputs, set(sources.removed) - revived)
    for path in resolved:
        mine = [f for f in new_files if f == str(path) or f.startswith(str(path) + "/")]
        if not any(assembled.by_file.get(f) for f in mine):
            names = {assembled.cited_as.get(f, Path(f).name) for f in mine} | {path.name}
            why = [n for n in assembled.skipped if n.name in names]
            raise UserError(
                "nothing_to_add",
                path=path,
                why=_why_nothing(path, why),
            )
    stats = write(settings, assembled, progress, t0)
    before = set(before_ids)
    return SourceChange(
        stats,
        added=tuple(d.doc_id for d in assembled.documents if d.doc_id not in before),
        removed=tuple(i for i in before_ids if i not in {d.doc_id for d in assembled.documents}),
        inputs_added=tuple(new_inputs),
        skipped=assembled.skipped,
    )


def remove(settings, doc_ids: Sequence[str], progress: bool = True) -> SourceChange:
    """Leave documents out of the index, recording them as removed so that a rebuild keeps
    them out. A file named on its own (not through a folder) whose documents are all removed
    stops being an input, and its removals are forgotten."""
    with _one_change_at_a_time(settings):
        return _remove(settings, doc_ids, progress)


def _remove(settings, doc_ids: Sequence[str], progress: bool) -> SourceChange:
    t0 = time.perf_counter()
    wanted = list(dict.fromkeys(doc_ids))
    if not wanted:
        raise UserError("remove_needs_ids")
    current = _current(settings)
    if current is None:
        raise UserError("nothing_to_remove", index_dir=_index_dir(settings))
    sources, before_ids = current
    unknown = [i for i in wanted if i not in set(before_ids)]
    if unknown:
        raise UserError("remove_unknown", doc_ids=_shown(unknown))
    if not set(before_ids) - set(wanted):
        raise UserError("remove_everything")
    removed = set(sources.removed) | set(wanted)
    inputs = list(sources.inputs)
    dropped = []
    for f in sources.files:
        if f.path in inputs and f.documents and set(f.documents) <= removed:
            inputs.remove(f.path)
            dropped.append(f.path)
            removed -= set(f.documents)
    assembled = assemble(inputs, removed)
    after = {d.doc_id for d in assembled.documents}
    stats = write(settings, assembled, progress, t0)
    return SourceChange(
        stats,
        added=tuple(d.doc_id for d in assembled.documents if d.doc_id not in set(before_ids)),
        removed=tuple(i for i in before_ids if i not in after),
        inputs_dropped=tuple(dropped),
        skipped=assembled.skipped,
    )


def _why_nothing(path: Path, skipped: list[FileNotice]) -> Message | list[FileNotice]:
    """Why a path added nothing: a file's own reason, a folder's skipped files, or that it
    gave no document."""
    if not skipped:
        return Message("nothing_readable")
    if len(skipped) == 1 and not path.is_dir():
        return skipped[0].why
    return skipped


# ----------------------------------------------------------------------------- staleness


@dataclass(frozen=True)
class StaleFile:
    path: str
    state: str  # "changed" | "missing" | "new" (a new file in an input folder)
    documents: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "state": self.state, "documents": list(self.documents)}


def stale_files(sources: Sources) -> list[StaleFile]:
    """Recorded files that changed or vanished since the build, and new files in its input
    folders. Cheap: a stat per file; a file is hashed only when its size or mtime moved (a
    file touched but not changed is not stale)."""
    if not sources.recorded:
        return []
    out = []
    for f in sources.files:
        path = Path(f.path)
        try:
            st = path.stat()
        except OSError:
            out.append(StaleFile(f.path, "missing", f.documents))
            continue
        if st.st_size == f.bytes and st.st_mtime_ns == f.mtime_ns:
            continue
        if st.st_size != f.bytes or store.file_digest(path) != f.sha256:
            out.append(StaleFile(f.path, "changed", f.documents))
    known = {f.path for f in sources.files}
    folders = [p for p in map(input_path, sources.inputs) if p.is_dir()]
    if folders:
        try:
            found = [f for f, _ in named_files(folders)]
        except (UserError, OSError):  # a folder vanished between the two checks
            found = []
        out.extend(
            StaleFile(str(p.resolve()), "new") for p in found if str(p.resolve()) not in known
        )
    return out


def stale_message(stale: Sequence[StaleFile], index_dir: Path) -> str | None:
    """One line naming what changed on disk and the command that brings the index up to
    date; None when nothing did."""
    if not stale:
        return None
    words = {"changed": "changed", "missing": "deleted", "new": "new"}
    listed = _shown([f"{Path(s.path).name} ({words[s.state]})" for s in stale])
    where = f" --index {index_dir}"
    gone = [i for s in stale if s.state == "missing" for i in s.documents]
    hint = f"run `planqa build{where}` to re-read them"
    if gone:
        hint += f" (or `planqa remove {' '.join(gone[:SHOWN])}{where}` for the deleted ones)"
    n = len(stale)
    return f"{n} indexed file{'s' if n > 1 else ''} changed on disk since the index was built: {listed}; {hint}"


def index_stale_files(idx) -> list[StaleFile]:
    """stale_files of an opened Index (its manifest); none for an index without one (an
    in-memory stand-in)."""
    manifest = getattr(idx, "manifest", None)
    return stale_files(Sources.from_manifest(manifest)) if manifest else []
