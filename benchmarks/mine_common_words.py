"""Mine the words common to government documents: those jieba cuts from at least half of the
reference documents (the city and provincial work reports in ../shared/external and the bundled
plans), written to qa/data/common_words.json. A word that half the reports use (建设, 布局, 应用,
品牌) says nothing of which thing a topic is; the place finder asks a clause it reads by meaning
to name a word of the topic that is not one of them (qa.meaning.clauses_naming).

    python benchmarks/mine_common_words.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EXTERNAL = REPO.parent / "shared" / "external"
OUT = REPO / "qa" / "data" / "common_words.json"
# a word used by at least this share of the documents is common
SHARE = 0.5


def reference_documents() -> list[Path]:
    """One file per report: the city reports' .txt, the provincial .docx, the bundled plans."""
    from corpus.settings import BUNDLED_DATA_DIR

    cities = sorted((EXTERNAL / "city-work-reports-2024" / "txt").glob("*.txt"))
    provinces = sorted((EXTERNAL / "province-work-reports-2025").glob("*.docx"))
    return cities + provinces + sorted(BUNDLED_DATA_DIR.glob("*.txt"))


def common_words(texts: list[str], share: float = SHARE) -> list[str]:
    """The words of two characters or more that at least `share` of `texts` use, sorted."""
    import jieba

    used = Counter(w for text in texts for w in {w for w in jieba.lcut(text) if len(w) >= 2})
    return sorted(w for w, n in used.items() if n >= share * len(texts))


def main() -> None:
    from eval.gold import source_lines
    from qa.text import norm

    files = reference_documents()
    texts = [norm("\n".join(source_lines(f.resolve()))) for f in files]
    words = common_words(texts)
    data = {
        "_comment": (
            "Words jieba cuts from at least half of the reference documents (the work reports "
            "of ../shared/external and the bundled plans); mined by "
            "benchmarks/mine_common_words.py, read by qa.meaning.clauses_naming."
        ),
        "documents": len(files),
        "share": SHARE,
        "words": words,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(words)} common words of {len(files)} documents -> {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
