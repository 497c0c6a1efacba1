"""The behaviour of the generated result classes (``diaban._results``): methods only, no fields.

The fields of each class come from the core's schema (``cargo xtask codegen`` writes
``_results.py``, each class deriving from one class here); what a reader does with a result —
a flat row for a table, a total, a look-up — is written here once.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Dict, Optional, cast

if TYPE_CHECKING:  # pragma: no cover
    from . import _results as _r


class Row:
    """A result whose flat row is its fields."""

    __slots__ = ()

    def to_dict(self) -> Dict[str, Any]:
        """The record as a flat dict, one entry per field (dates as ``datetime.date``)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


class SummaryMethods:
    __slots__ = ()

    @property
    def total(self) -> int:
        """All findings."""
        this = cast("_r.Summary", self)
        return this.errors + this.warnings + this.infos


class CoverageRowMethods:
    __slots__ = ()

    def to_dict(self) -> Dict[str, Any]:
        """The row flattened for a table: the assignees joined with ``"; "``."""
        this = cast("_r.CoverageRow", self)
        return {
            "code": this.code,
            "name": this.name,
            "type": this.type,
            "district_code": this.district_code,
            "district_name": this.district_name,
            "covered": this.covered,
            "monitors": len(this.assignments),
            "subject_ids": "; ".join(a.subject_id for a in this.assignments),
            "subject_names": "; ".join(a.subject_name or a.subject_id for a in this.assignments),
            "assignment_ids": "; ".join(a.id for a in this.assignments),
        }


class ContributionTotalsMethods:
    __slots__ = ()

    def quantity(self, kind: str) -> int:
        """The summed quantity of one kind (0 when none was recorded)."""
        this = cast("_r.ContributionTotals", self)
        t = this.by_kind.get(kind)
        return 0 if t is None else t.quantity


class ProgrammeMethods:
    __slots__ = ()

    def commune(self, code: str) -> Optional[_r.ContributionTotals]:
        """The totals of one commune in the year, if it received anything."""
        this = cast("_r.Programme", self)
        return next((c for c in this.by_commune if c.id == code), None)

    def agency(self, id: str) -> Optional[_r.ContributionTotals]:
        """The totals of one helping agency in the year, if it gave anything."""
        this = cast("_r.Programme", self)
        return next((c for c in this.by_agency if c.id == id), None)


class UnitChangeMethods:
    __slots__ = ()

    def to_dict(self) -> Dict[str, Any]:
        """The change as a flat dict: effective, code, name, type, parent_code, valid_from, valid_to."""
        this = cast("_r.UnitChange", self)
        unit = this.unit
        return {"effective": this.effective, **{f.name: getattr(unit, f.name) for f in dataclasses.fields(unit)}}


class ClosedAssignmentMethods:
    __slots__ = ()

    def to_dict(self) -> Dict[str, Any]:
        """The assignment as a flat dict (successors and basis joined with ``"; "``)."""
        this = cast("_r.ClosedAssignment", self)
        return {
            "id": this.id,
            "scheme": this.scheme,
            "subject_id": this.subject_id,
            "target": this.target,
            "valid_to": this.valid_to,
            "previous_valid_to": this.previous_valid_to,
            "successors": "; ".join(this.successors),
            "basis": "; ".join(this.basis),
        }
