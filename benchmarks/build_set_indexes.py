"""Build the index each question set is scored on (`.planqa/index-vN`), from the sources listed
in benchmarks/data/question_set_sources.json: the bundled corpus and the set's reports, or the
reports alone (qa_v9, qa_v10).

    python benchmarks/build_set_indexes.py [--sets 2,3,…,94] [--root .planqa]

An index already built from the same sources is left as it is; the embedding cache is shared,
so each text is embedded once however many indexes hold it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

SOURCES = HERE / "data" / "question_set_sources.json"


def set_sources() -> dict[int, list[Path]]:
    """Each set's number → the resolved paths its index is built from."""
    table = json.loads(SOURCES.read_text(encoding="utf-8"))
    return {
        int(name.removeprefix("qa_v")): [(REPO / p).resolve() for p in paths]
        for name, paths in table.items()
    }


def main() -> None:
    import index
    from corpus.errors import UserError
    from corpus.settings import load_settings
    from index.sources import input_label, recorded_sources

    sources = set_sources()
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=",".join(str(n) for n in sorted(sources)))
    ap.add_argument("--root", default=str(REPO / ".planqa"))
    args = ap.parse_args()
    for n in (int(x) for x in args.sets.split(",")):
        index_dir = Path(args.root) / f"index-v{n}"
        settings = load_settings(index_dir=str(index_dir))
        wanted = sorted(input_label(p) for p in sources[n])
        try:
            if sorted(recorded_sources(index_dir).inputs) == wanted:
                print(f"qa_v{n}: {index_dir} is built from these sources already", flush=True)
                continue
        except UserError:  # no index there yet, or a damaged manifest: build it
            pass
        stats = index.build(settings, paths=sources[n], progress=False)
        print(f"qa_v{n}: {stats.to_dict()}", flush=True)


if __name__ == "__main__":
    main()
