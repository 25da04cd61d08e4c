"""When a quoted name is not the whole topic: offered as one of two wordings (禁塑或“以竹代塑”), or
acts quoted before the thing they are done to (“创建”或“升级创建”国家高新区)."""

from __future__ import annotations

import re

from qa.topic_alternatives import acts, tagged

# a quoted name offered as one of two wordings: 禁塑或“以竹代塑”, “枫桥经验”或枫桥式做法; an act
# may lead the quoted one (发展飞地经济或建设“科创飞地”)
_OR_QUOTED = re.compile(
    r"(?P<other>[\u4e00-\u9fff]{2})(?:或者|或)(?P<act>[\u4e00-\u9fff]{2}(?=[“「『\"]))?[“「『\"]"
    r"|[”」』\"](?:或者|或)[\u4e00-\u9fff]{2}"
)


def offered_either(text: str) -> bool:
    """Whether a quoted name in `text` is offered as one of two wordings; not where acts joined
    lead it, the quoted name their thing (培育或引进“链主”企业)."""
    return any(not (m["act"] and _acts_only(m["other"])) for m in _OR_QUOTED.finditer(text))


def acts_before_thing(topic: str, quoted: list[str]) -> bool:
    """Whether the quoted names are acts only, said before the thing they are done to, which the
    topic `topic` (read with the quotes left out) goes on to: “创建”或“升级创建”国家高新区 asks
    创建国家高新区; “新建”两个字 asks the word."""
    done_to = topic.partition(quoted[-1])[2] if quoted else ""
    return len(done_to) >= 2 and all(map(_acts_only, quoted))


def _acts_only(said: str) -> bool:
    """Whether `said` is acts of two characters or more (升级创建, 招引; not 放管服)."""
    return all(len(w) >= 2 and acts(w, f) for w, f in tagged(said))
