"""What a place's evidence sentence must state for a place question's aspect: the aspect's
pattern (a figure, a target), the topic's own figure in its clause, a bound on it; and the lead
a clause of a list stands under (主要预期目标是：…；固投增长10%左右；)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.bounds import Limit, figures_in
from qa.term_matcher import TermMatcher
from qa.topic_terms import norm


@dataclass(frozen=True)
class Stating:
    """What an evidence sentence must state: the aspect's pattern, and with a bound (目标超过
    3万人) a figure of the topic beyond it: the first after the topic's words in a clause
    (城镇新增就业3.5万人以上，城镇调查失业率…), or a table row's last cell, where its target
    stands (2020: 19.36 | 2025: 30)."""

    aspect: re.Pattern[str]
    limit: Limit | None
    terms: TermMatcher | re.Pattern[str]
    # a figure or a target asked: the topic's own clause states a figure (粮食产量稳中有增 in a
    # list of targets sets none for 粮食产量)
    own_figure: bool = False
    # the unit the figure is asked in (接待游客的人次: a growth rate is no count of 人次)
    unit: str | None = None

    def search(self, sentence: str, lead: str = "") -> bool:
        """`lead`: what the list the sentence is a clause of opens with (主要预期目标是：)."""
        if not self.aspect.search(lead + sentence):
            return False
        row = "|" in sentence
        said = "" if row else norm(sentence)
        if self.own_figure and not row and not self._figure_in_own_clause(said):
            return False
        if self.limit is None:
            return True
        if row:
            figures = figures_in(sentence)[-1:]
        else:  # each clause naming the topic (实施高标准农田建设…，新建高标准农田30万亩以上)
            figures = [
                found[0]
                for clause in re.split(r"[，,；;。]", said)
                if (m := self.terms.search(clause))
                and (found := figures_in(clause[m.end() :], self.unit))
            ]
        return any(self.limit.passes(f) for f in figures)

    def _figure_in_own_clause(self, said: str) -> bool:
        """`said`: the sentence normalised. A sentence found by meaning, without the topic's
        words, is kept."""
        if not self.terms.search(said):
            return True
        return any(
            self.terms.search(clause) and figures_in(clause, self.unit)
            for clause in re.split(r"[，,；;。：:]", said)
        )


def list_leads(sentences: list[str]) -> list[str]:
    """What each sentence stands under when it is a clause of a list opened by a lead and run
    on with semicolons ("主要预期目标是：地区生产总值增长6%左右；固定资产投资增长10%左右；":
    the second's lead is 主要预期目标是：), else ""."""
    leads, lead = [], ""
    for sentence in sentences:
        leads.append(lead)
        said = sentence.rstrip()
        if not said.endswith(("；", ";")):
            lead = ""
        elif not lead:  # a full-width colon or an ASCII one (a converted .docx or PDF)
            m = re.match(r"(.*[：:])", said)
            lead = m.group(1) if m else ""
    return leads
