"""The exceptions of diaban. Every one carries a stable snake_case ``code``.

The extension module raises these (it imports this module); users import them from
``diaban``. ``LoadError`` is also a ``ValueError``, so ``except ValueError`` catches bad input.
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "DiabanError",
    "LoadError",
    "FileError",
    "UnknownProfileError",
    "UnknownSchemeError",
    "InvalidArgumentError",
    "InternalError",
]


class DiabanError(Exception):
    """Base class of every error diaban raises. ``code`` is stable (``json_syntax``, ``io``...).

    The message is Vietnamese, the default language; ``message_vi`` and ``message_en`` hold it
    in each language (with the place in the input: file, line or sheet and cell, field).
    """

    code: str
    message: str
    message_vi: str
    message_en: str

    def __init__(
        self,
        message: str,
        *,
        code: str = "error",
        message_vi: Optional[str] = None,
        message_en: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.message_vi = message if message_vi is None else message_vi
        self.message_en = message if message_en is None else message_en

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"


class LoadError(DiabanError, ValueError):
    """The input could not be read as a dataset or profile.

    ``code`` is one of ``json_syntax``, ``csv_syntax``, ``xlsx_syntax``, ``unknown_field``,
    ``missing_field``, ``invalid_date``, ``invalid_value``, ``limit_exceeded`` (or ``io`` for a
    :class:`FileError`).
    ``path`` is the file (a path, a CSV file name such as ``units.csv``, or ``dataset`` /
    ``profile`` for in-memory JSON), ``line`` and ``column`` are 1-based, ``field`` is the field
    or CSV column at fault, and ``json_path`` the JSON path of the value (``assignments[3].valid_from``).
    For a workbook, ``sheet`` is the sheet and ``cell`` the cell as Excel names it (``D17``).
    """

    path: Optional[str]
    line: Optional[int]
    column: Optional[int]
    field: Optional[str]
    json_path: Optional[str]
    sheet: Optional[str]
    cell: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        code: str = "load",
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        field: Optional[str] = None,
        json_path: Optional[str] = None,
        sheet: Optional[str] = None,
        cell: Optional[str] = None,
        message_vi: Optional[str] = None,
        message_en: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, message_vi=message_vi, message_en=message_en)
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.json_path = json_path
        self.sheet = sheet
        self.cell = cell


class FileError(LoadError, OSError):
    """A file or folder could not be read (code ``io``); also an ``OSError``."""


class UnknownProfileError(DiabanError, ValueError):
    """No built-in profile has this id (code ``unknown_profile``)."""

    profile: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        code: str = "unknown_profile",
        profile: Optional[str] = None,
        message_vi: Optional[str] = None,
        message_en: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, message_vi=message_vi, message_en=message_en)
        self.profile = profile


class UnknownSchemeError(DiabanError, ValueError):
    """The profile has no scheme with this id (code ``unknown_scheme``)."""

    scheme: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        code: str = "unknown_scheme",
        scheme: Optional[str] = None,
        message_vi: Optional[str] = None,
        message_en: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, message_vi=message_vi, message_en=message_en)
        self.scheme = scheme


class InvalidArgumentError(DiabanError, ValueError):
    """An argument is not acceptable: a date that is not a date, an unknown language... (code ``invalid_argument``);
    a person or place that no record has as id or name (code ``not_found``), or a name several records bear
    (code ``ambiguous_name``, the candidates' names, ids and units in the message)."""

    argument: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        code: str = "invalid_argument",
        argument: Optional[str] = None,
        message_vi: Optional[str] = None,
        message_en: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, message_vi=message_vi, message_en=message_en)
        self.argument = argument


class InternalError(DiabanError):
    """A bug in diaban (code ``internal``): the core failed where it never should. Please report it."""

    def __init__(self, message: str, *, code: str = "internal") -> None:
        super().__init__(message, code=code)
