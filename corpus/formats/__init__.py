"""Source formats: which kind of file a byte string is, and (in the readers beside this
module) how each kind becomes the numbered lines the rest of the corpus stage reads."""

from corpus.formats.sniff import SUFFIX_FORMATS, sniff_format

__all__ = ["SUFFIX_FORMATS", "sniff_format"]
