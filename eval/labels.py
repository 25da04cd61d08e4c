"""What each metric is called in Chinese and what it measures, in one line: the UI shows
these beside the metric keys of the report (report.md and report.json keep the keys)."""

from __future__ import annotations

# key: (Chinese name, one-line explanation)
METRIC_LABELS: dict[str, tuple[str, str]] = {
    "recall@1": ("召回率@1", "含正确证据的段落排在检索结果第 1 位的题目比例"),
    "recall@5": ("召回率@5", "含正确证据的段落出现在检索结果前 5 位的题目比例"),
    "recall@10": ("召回率@10", "含正确证据的段落出现在检索结果前 10 位的题目比例"),
    "mrr": ("平均倒数排名", "第一个正确段落名次的倒数的平均（第 1 位得 1，第 2 位得 0.5……）"),
    "keyword_accuracy": ("关键词准确率", "答案包含全部期望关键词的可答题比例"),
    "citation_precision": ("引用精确率", "答案所引段落中确实支持答案的比例"),
    "abstention_accuracy": ("拒答准确率", "语料中没有答案的题目里，系统如实说“未找到”的比例"),
    "false_abstentions": ("误拒率", "语料中有答案的题目里，系统却说“未找到”的比例（越低越好）"),
    "district_precision": ("地区集合精确率", "系统列出的地区中，确实提到该主题的比例"),
    "district_recall": ("地区集合召回率", "确实提到该主题的地区中，被系统列出的比例"),
    "district_f1": ("地区集合F1", "地区集合精确率与召回率的调和平均"),
    "parts_answered": ("多问全答率", "含多个小问的题目中，每个小问都答到的比例"),
}

# the gold set's kinds of item
KIND_LABELS: dict[str, str] = {
    "fact": "事实",
    "section": "章节",
    "district": "区县",
    "unanswerable": "无答案",
    "variant": "变体",
}

# why an item failed (eval.runner._judge) and the stage the failure points at
FAILURE_LABELS: dict[str, str] = {
    "crash": "运行出错",
    "retrieval": "前 5 个检索结果中没有证据",
    "false_abstention": "有答案却说未找到",
    "keywords": "答案缺少期望的关键词",
    "answered_unanswerable": "没有答案却作了回答",
    "districts": "列出的地区与期望不符",
}
STAGE_LABELS: dict[str, str] = {
    "corpus": "语料处理（证据不在任何段落中）",
    "index": "检索",
    "qa": "问答",
}

SYSTEM_LABELS: dict[str, str] = {
    "planqa": "本系统",
    "bm25": "BM25 关键词检索",
    "dense": "纯向量检索",
    "naive": "朴素切分",
}


def metric_label(key: str) -> tuple[str, str]:
    """(Chinese name, explanation) of a metric key; an unknown key stands for itself."""
    return METRIC_LABELS.get(key, (key, ""))
