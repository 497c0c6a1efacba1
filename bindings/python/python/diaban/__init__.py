"""diaban — oversight regulations as data.

Checks a province's records of who monitors which commune against a regulation (the built-in
profile models Bắc Kạn's 1390-QĐ/TU), with the same engine, and the same findings, as the Rust
library and the ``diaban`` command line.

>>> import diaban
>>> ds = diaban.demo()
>>> report = ds.check(today="2025-03-01", lang="en")
>>> ds.who_monitors("01954", "2024-10-01")[0].subject_name
'Hà Sỹ Thắng'
"""

from . import _diaban
from ._api import (
    Assignment,
    Coverage,
    CoverageRow,
    Dataset,
    DateLike,
    Finding,
    PathLike,
    PersonRef,
    Profile,
    ProfileLike,
    Relation,
    Report,
    Summary,
    demo,
    load,
    loads,
    parse_date,
)
from ._errors import (
    DiabanError,
    FileError,
    InternalError,
    InvalidArgumentError,
    LoadError,
    UnknownProfileError,
    UnknownSchemeError,
)

__version__: str = _diaban.__version__
"""The package's version (the Cargo crate's version)."""

__all__ = [
    "Assignment",
    "Coverage",
    "CoverageRow",
    "Dataset",
    "DateLike",
    "DiabanError",
    "FileError",
    "Finding",
    "InternalError",
    "InvalidArgumentError",
    "LoadError",
    "PathLike",
    "PersonRef",
    "Profile",
    "ProfileLike",
    "Relation",
    "Report",
    "Summary",
    "UnknownProfileError",
    "UnknownSchemeError",
    "__version__",
    "demo",
    "load",
    "loads",
    "parse_date",
]
