"""diaban — oversight regulations as data.

Checks a province's records of who monitors which commune against a regulation (the built-in
profile models Bắc Kạn's 1390-QĐ/TU), with the same engine, and the same findings, as the Rust
library and the ``diaban`` command line.

>>> import diaban
>>> ds = diaban.demo()
>>> report = ds.check(today="2025-03-01", lang="en")
>>> ds.who_monitors("01954", "2024-10-01")[0].subject_name
'Hà Sỹ Thắng'
>>> ds.report(2023, today="2026-01-01").programme.commune("01978").quantity("bicycles")
56
>>> after, changes = ds.reorganize("bac-kan-2025")
>>> len([u for u in changes.units_started if len(u.unit.code) == 5])
37
"""

from . import _diaban
from ._api import (
    Assignment,
    AssignmentYear,
    Changes,
    ClosedAssignment,
    ContributionTotals,
    Coverage,
    CoverageRow,
    Dataset,
    DateLike,
    DutyRow,
    EvaluationStatus,
    Events,
    EventsLike,
    Finding,
    LeftRecord,
    LineageReport,
    LineageStep,
    PathLike,
    PersonRef,
    Profile,
    ProfileLike,
    Programme,
    Proposal,
    Relation,
    ReorganizationEdge,
    Report,
    Rollup,
    Summary,
    Totals,
    Unit,
    UnitChange,
    YearReport,
    demo,
    events,
    load,
    loads,
    finding_codes,
    parse_date,
    template,
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
    "AssignmentYear",
    "Changes",
    "ClosedAssignment",
    "ContributionTotals",
    "Coverage",
    "CoverageRow",
    "Dataset",
    "DateLike",
    "DiabanError",
    "DutyRow",
    "EvaluationStatus",
    "Events",
    "EventsLike",
    "FileError",
    "Finding",
    "InternalError",
    "InvalidArgumentError",
    "LeftRecord",
    "LineageReport",
    "LineageStep",
    "LoadError",
    "PathLike",
    "PersonRef",
    "Profile",
    "ProfileLike",
    "Programme",
    "Proposal",
    "Relation",
    "ReorganizationEdge",
    "Report",
    "Rollup",
    "Summary",
    "Totals",
    "Unit",
    "UnitChange",
    "UnknownProfileError",
    "UnknownSchemeError",
    "YearReport",
    "__version__",
    "demo",
    "events",
    "load",
    "loads",
    "finding_codes",
    "parse_date",
    "template",
]
