"""The app served for real in this process, shared by the gradio_client and browser tests."""

from __future__ import annotations

import socket

from ui import shell

QUESTION = "綦江区到2025年高新技术企业数预期达到多少？"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(settings, index, **overrides) -> tuple[object, str]:
    """(demo, url) of the app launched in this process; the caller closes the demo."""
    settings = settings.model_copy(
        update={
            "host": "127.0.0.1",
            "port": free_port(),
            "llm_base_url": None,
            "llm_model": None,
            **overrides,
        }
    )
    demo = shell.build_app(settings, index=index)
    _, url, _ = shell.launch(demo, settings, prevent_thread_lock=True, quiet=True)
    return demo, url


TONGLIANG = "铜梁区科技创新工作要点\n\n一、主要目标\n\n到2025年，建设龙舞数字博物馆一座。\n"


def tiny_index(tmp_path):
    """Settings and a freshly built index of one small document (铜梁), with their own
    cache and upload folder: for tests that change the index."""
    import index
    from corpus.settings import Settings

    data = tmp_path / "data"
    data.mkdir()
    (data / "tongliang.txt").write_text(TONGLIANG, encoding="utf-8")
    settings = Settings(
        data_dir=data,
        index_dir=tmp_path / "index",
        cache_dir=tmp_path / "cache",
        upload_dir=tmp_path / "app-data" / "uploads",
    )
    index.build(settings, progress=False)
    return settings
