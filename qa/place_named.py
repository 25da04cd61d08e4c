"""Whether a text names a place, whole or short, and the place a question names inside a
document's own, whose figures only a sentence naming it gives."""

from __future__ import annotations


def names_place(text: str, place: str) -> bool:
    """Whether the text names the place, whole or short (郑州 for 郑州市)."""
    from corpus import places

    named = places.resolve(place)
    forms = (place, *(places.short_forms(named.name, named.level) if named else ()))
    return any(form in text for form in forms)


def inner_place(question: str, district: str | None) -> str | None:
    """A place the question names inside the document's own (郑州市 asked of 河南's report),
    whose figures only a sentence naming it gives."""
    from corpus import places

    own = places.resolve(district) if district else None
    for code in places.first_mentions(question) if own else ():
        named = places.place(code)
        if named != own and own in places.path_of(named):
            return named.name
    return None
