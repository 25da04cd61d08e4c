"""One error type for user mistakes: caught at the CLI and UI edge, shown as one line."""


class UserError(Exception):
    """Bad input or usage: the message is shown to the user as it is (exit code 2)."""
