"""`planqa eval` (placeholder until its issue lands)."""

from corpus.errors import UserError


def add_arguments(parser) -> None:
    pass


def run(args, settings) -> int:
    raise UserError("'eval' is not available yet")
