"""Typed exceptions. Every error about an input names the input and says why in one line."""

from __future__ import annotations


class DyadError(Exception):
    """Base class of dyad's errors."""


class ConfigurationError(DyadError):
    """A setting is wrong: an unknown pipeline, a bad option value."""


class PipelineError(DyadError):
    """The stages are not in an order that gives each stage the layers it requires."""


class InputError(DyadError):
    """An input that cannot be read as an article.

    ``where`` names the input (a path, ``path:line`` for one line of a JSONL file, or ``<stdin>``);
    ``reason`` says what is wrong with it.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class MissingInputError(InputError):
    """The path does not exist or cannot be opened."""


class EmptyInputError(InputError):
    """The input holds no text at all."""


class BinaryInputError(InputError):
    """The input is not text (an image, an archive, a PDF, ...)."""


class EncodingError(InputError):
    """The bytes cannot be decoded with the expected encoding, or several encodings are mixed."""


class TooLargeError(InputError):
    """The input is over the size limit."""


class NoTextError(InputError):
    """The input has no article text once markup and boilerplate are set aside."""


class MalformedInputError(InputError):
    """Broken JSON, or a record without the fields an article needs."""


class LanguageError(InputError):
    """The text is not in a language dyad reads."""
