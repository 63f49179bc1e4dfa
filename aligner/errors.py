"""The exceptions a user can act on. ``cli.py`` catches :class:`AlignerError` once and prints it."""

from __future__ import annotations

#: Exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells report it; here rather than
#: in ``cli.py`` because ``__main__`` needs it before the CLI has loaded.
EXIT_INTERRUPTED = 130


class AlignerError(Exception):
    """A problem with the user's input or options: reported in one line, exit code 2."""

    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.file = file
        self.message = message

    def __str__(self) -> str:
        return f"{self.file}: {self.message}" if self.file else self.message


class InputError(AlignerError):
    """A source file cannot be read, decoded or understood."""


class ConfigError(AlignerError):
    """An option or configuration value is wrong."""
