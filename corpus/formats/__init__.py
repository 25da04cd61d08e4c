"""Source formats: which kind of file a byte string is (sniff), and how each kind becomes
the numbered lines the rest of the corpus stage reads: docx, pdf and html beside this module,
read.read_file choosing among them (.txt/.md are decoded by corpus.reading)."""

from corpus.formats.sniff import SUFFIX_FORMATS, sniff_format

__all__ = ["SUFFIX_FORMATS", "sniff_format"]
