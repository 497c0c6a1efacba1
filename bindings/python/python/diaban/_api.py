"""The typed Python API over the extension module ``diaban._diaban``.

Everything here is a thin wrapper: results are the core's own structures (the report's JSON
document, the coverage table, assignment views) turned into small frozen dataclasses, with dates
as :class:`datetime.date`. The documents' shapes are the generated ``TypedDict``s of
:mod:`diaban._types` (from the core's schema); a result class whose fields are the document's
members is filled by :func:`_build`, not by a hand-written list of fields.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import html
import json
import os
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    FrozenSet,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Type,
    TypeVar,
    Union,
    overload,
)

from . import _diaban as _native
from . import _types as _t
from ._results import (
    Assignment,
    ClosedAssignment,
    ContributionTotals,
    CoverageRow,
    DutyRow,
    EvaluationStatus,
    LeftRecord,
    LineageStep,
    PersonRef,
    Programme,
    Proposal,
    Relation,
    ReorganizationEdge,
    Rollup,
    Summary,
    Totals,
    Unit,
    UnitChange,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]

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
    "DutyRow",
    "EvaluationStatus",
    "Events",
    "EventsLike",
    "Finding",
    "LeftRecord",
    "LineageReport",
    "LineageStep",
    "PathLike",
    "PersonRef",
    "Profile",
    "ProfileLike",
    "Programme",
    "Proposal",
    "ReorganizationEdge",
    "Relation",
    "Report",
    "Rollup",
    "Summary",
    "Totals",
    "Unit",
    "UnitChange",
    "YearReport",
    "demo",
    "events",
    "load",
    "loads",
    "finding_codes",
    "parse_date",
]

DateLike = Union[_dt.date, str]
"""A day: a :class:`datetime.date` (a ``datetime`` gives its date) or text ``YYYY-MM-DD`` / ``DD/MM/YYYY``."""

PathLike = Union[str, "os.PathLike[str]"]

DEFAULT_PROFILE: str = _native.DEFAULT_PROFILE


# --- dates -------------------------------------------------------------------------------------


def _day_text(value: Optional[DateLike], name: str) -> Optional[str]:
    """A date argument as the text the extension takes (validated there)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"{name} must be a datetime.date or an ISO date string, not {type(value).__name__}")


def _required_day(value: DateLike, name: str) -> str:
    text = _day_text(value, name)
    if text is None:
        raise TypeError(f"{name} is required (a datetime.date or an ISO date string)")
    return text


def _date(text: Optional[str]) -> Optional[_dt.date]:
    return None if text is None else _dt.date.fromisoformat(text)


def _date_required(text: str) -> _dt.date:
    return _dt.date.fromisoformat(text)


_Built = TypeVar("_Built")


def _fields(cls: type) -> List[str]:
    """The public field names of a result dataclass (the columns of its flat rows)."""
    return [f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")]


_Plan = Tuple[FrozenSet[str], Tuple[str, ...], Tuple[str, ...]]
_PLANS: Dict[type, _Plan] = {}
_set_dict = object.__setattr__
_from_iso = _dt.date.fromisoformat


def _plan(cls: type) -> _Plan:
    """A result dataclass's field names, those that hold a date (annotated ``_dt.date``) and
    those that are private, worked out once per class."""
    plan = _PLANS.get(cls)
    if plan is None:
        fields = dataclasses.fields(cls)
        plan = (
            frozenset(f.name for f in fields),
            tuple(f.name for f in fields if "_dt.date" in str(f.type)),
            tuple(f.name for f in fields if f.name.startswith("_")),
        )
        _PLANS[cls] = plan
    return plan


def _build(cls: Type[_Built], document: Mapping[str, Any], **given: Any) -> _Built:
    """A result dataclass from its JSON document: each field takes the member of the same name
    (a date field, annotated ``_dt.date``, as a :class:`datetime.date`; an absent member as
    ``None``), unless ``given``.

    Every field is set, as the class's ``__init__`` would set it (the classes are frozen and have
    no ``__post_init__``), without its per-field ``object.__setattr__``: this is the hot path of
    the point queries."""
    names, dates, private = _plan(cls)
    values = dict(document)
    for name in dates:
        text = values.get(name)
        if text is not None:
            try:
                values[name] = _from_iso(text)
            except ValueError:
                values[name] = _date_wide(text)
    if given:
        values.update(given)
    if values.keys() != names:
        values = {n: values.get(n) for n in names if n in given or n not in private}
    obj = object.__new__(cls)
    _set_dict(obj, "__dict__", values)
    return obj


def _adopt(cls: Type[_Built], document: Any) -> _Built:
    """A generated result class (``_results``) from a document fresh from the extension that
    nothing else holds: the document, its dates converted in place, becomes the instance's
    ``__dict__``. A generated class has exactly the members of its shape as fields, so a
    document with as many members has them all; one without its optional members goes
    through :func:`_build`."""
    names, dates, _ = _plan(cls)
    if len(document) != len(names):
        return _build(cls, document)
    for name in dates:
        text = document[name]
        if text is not None:
            try:
                document[name] = _from_iso(text)
            except ValueError:
                document[name] = _date_wide(text)
    obj = object.__new__(cls)
    _set_dict(obj, "__dict__", document)
    return obj


def _relation(r: _t.Relation) -> Relation:
    return _build(Relation, r, people=[_build(PersonRef, p) for p in r["people"]])


def _contribution(c: _t.ContributionTotals) -> ContributionTotals:
    return _build(ContributionTotals, c, by_kind={k: _build(Totals, t) for k, t in c["by_kind"].items()})


def finding_codes(lang: Optional[str] = None) -> List[Dict[str, str]]:
    """Every finding code of the registry, with its severity, title and hint in ``lang``.

    >>> [c for c in finding_codes() if c["code"] == "coverage_gap"][0]["title"]
    'Đơn vị không có người theo dõi'
    """
    return list(_native.finding_codes(lang))


def parse_date(value: DateLike) -> _dt.date:
    """A day from a ``date`` or from text in ``YYYY-MM-DD`` or ``DD/MM/YYYY`` form.

    Raises :class:`diaban.InvalidArgumentError` (a ``ValueError``) for text that is not a date.
    """
    return _date_required(_native.parse_date(_required_day(value, "date")))


def _require_pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError as e:  # pragma: no cover - exercised with pandas hidden
        raise ImportError(
            "to_pandas() needs pandas, which is not installed: pip install 'diaban[pandas]' (or pip install pandas)"
        ) from e
    return pandas


def _dates_to_datetime64(frame: Any, columns: Iterable[str]) -> Any:
    pandas = _require_pandas()
    for column in columns:
        frame[column] = pandas.to_datetime(frame[column])
    return frame


# --- profiles ----------------------------------------------------------------------------------


class Profile:
    """A regulation profile: the regulation and its schemes, as data.

    ``Profile()`` or ``Profile.builtin()`` is the built-in Bắc Kạn 1390-QĐ/TU profile.
    """

    __slots__ = ("_inner",)

    def __init__(self, id: str = DEFAULT_PROFILE) -> None:
        self._inner = _native.Profile.builtin(id)

    @classmethod
    def _wrap(cls, inner: _native.Profile) -> Profile:
        profile = cls.__new__(cls)
        profile._inner = inner
        return profile

    @classmethod
    def builtin(cls, id: str = DEFAULT_PROFILE) -> Profile:
        """A built-in profile by id (see :meth:`builtin_ids`); raises :class:`UnknownProfileError`."""
        return cls._wrap(_native.Profile.builtin(id))

    @staticmethod
    def builtin_ids() -> List[str]:
        """The ids of the built-in profiles."""
        return _native.Profile.builtin_ids()

    @classmethod
    def load(cls, path: PathLike) -> Profile:
        """Reads a profile from a JSON file; raises :class:`LoadError` naming the JSON path at fault."""
        return cls._wrap(_native.Profile.load(os.fspath(path)))

    @classmethod
    def loads(cls, text: str) -> Profile:
        """Reads a profile from JSON text."""
        return cls._wrap(_native.Profile.from_json(text))

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> Profile:
        """Reads a profile from a dict shaped as its JSON document."""
        return cls._wrap(_native.Profile.from_value(dict(value)))

    @property
    def id(self) -> str:
        """The profile's id (``bac-kan-1390``)."""
        return self._inner.id

    @property
    def regulation_number(self) -> str:
        """The regulation's number (``1390-QĐ/TU``)."""
        return self._inner.regulation_number

    @property
    def scheme_ids(self) -> List[str]:
        """The ids of the profile's schemes, in order."""
        return self._inner.scheme_ids

    def to_json(self) -> str:
        """The profile as pretty JSON."""
        return self._inner.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The profile as a dict (the JSON document)."""
        return self._inner.to_value()

    def __repr__(self) -> str:
        return f"Profile(id={self.id!r}, regulation={self.regulation_number!r}, schemes={self.scheme_ids!r})"


ProfileLike = Union[None, str, "os.PathLike[str]", Profile, Mapping[str, Any]]
"""``None`` (the built-in bac-kan-1390), a built-in id, a path to a profile JSON file, a
:class:`Profile`, or a dict shaped as a profile's JSON document."""

_builtin_cache: Dict[str, _native.Profile] = {}


def _resolve_profile(profile: ProfileLike) -> _native.Profile:
    """A profile argument, read by the core's argument contract (the same rule as the command
    line and JavaScript: a built-in id, profile JSON text, or a file); built-ins are cached."""
    if isinstance(profile, Profile):
        return profile._inner
    if isinstance(profile, Mapping):
        return _native.Profile.from_value(dict(profile))
    if profile is None or isinstance(profile, (str, os.PathLike)):
        text = None if profile is None else os.fspath(profile)
        key = text or DEFAULT_PROFILE
        cached = _builtin_cache.get(key)
        if cached is not None:
            return cached
        resolved = _native.Profile.resolve(text)
        if key in _native.Profile.builtin_ids():
            _builtin_cache[key] = resolved
        return resolved
    raise TypeError(f"profile must be None, a built-in id, a path or a diaban.Profile, not {type(profile).__name__}")


# --- findings and reports ----------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One problem found in a dataset (docs/design.md, "Findings").

    ``start``/``end`` are the days it concerns (the JSON's ``from``/``to``; ``end`` is ``None``
    with a ``start`` while it is still going on).
    """

    code: str
    severity: str
    message: str
    subject_kind: str
    subject_id: str
    start: Optional[_dt.date]
    end: Optional[_dt.date]
    article: Optional[str]
    details: Dict[str, Any] = field(default_factory=dict, compare=True, hash=False)

    @classmethod
    def _from_json(cls, f: _t.Finding) -> Finding:
        subject = f["subject"]
        return cls(
            code=f["code"],
            severity=f["severity"],
            message=f["message"],
            subject_kind=subject["kind"],
            subject_id=subject["id"],
            start=_date(f.get("from")),
            end=_date(f.get("to")),
            article=f.get("article"),
            details=dict(f.get("details") or {}),
        )

    def to_dict(self) -> Dict[str, Any]:
        """The finding as a flat dict (one row of :meth:`Report.to_dicts`)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "subject_kind": self.subject_kind,
            "subject_id": self.subject_id,
            "start": self.start,
            "end": self.end,
            "article": self.article,
            "details": dict(self.details),
        }

    def __str__(self) -> str:
        days = ""
        if self.start is not None:
            days = f" [{self.start}..{self.end if self.end is not None else ''}]"
        return f"{self.severity} {self.code} {self.subject_kind} {self.subject_id}{days}: {self.message}"


class Report(Sequence[Finding]):
    """The result of :meth:`Dataset.check`: every finding in a deterministic order, and counts.

    A sequence of :class:`Finding` (``len``, iteration, indexing). :meth:`to_dict` gives the
    exact JSON document of the command line's ``diaban check --format json``.
    """

    __slots__ = ("_document", "findings", "summary", "lang")

    findings: List[Finding]
    summary: Summary
    lang: str

    _document: _t.Report

    def __init__(self, document: _t.Report, lang: str = "vi") -> None:
        self._document = document
        self.findings = [Finding._from_json(f) for f in document["findings"]]
        s = document["summary"]
        self.summary = Summary(errors=s["errors"], warnings=s["warnings"], infos=s["infos"])
        self.lang = lang

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> List[Finding]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[Finding, List[Finding]]:
        return self.findings[index]

    @property
    def has_errors(self) -> bool:
        """True when at least one finding is an error."""
        return self.summary.errors > 0

    def by_code(self) -> Dict[str, int]:
        """How many findings of each code, by code."""
        counts: Dict[str, int] = {}
        for f in self.findings:
            counts[f.code] = counts.get(f.code, 0) + 1
        return dict(sorted(counts.items()))

    def filter(self, *, code: Optional[str] = None, severity: Optional[str] = None) -> List[Finding]:
        """The findings of a code and/or severity."""
        return [
            f
            for f in self.findings
            if (code is None or f.code == code) and (severity is None or f.severity == severity)
        ]

    def to_dict(self) -> _t.Report:
        """The report as the JSON document of the CLI (``{"findings": [...], "summary": {...}}``)."""
        result: _t.Report = json.loads(json.dumps(self._document))
        return result

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The report as JSON text (the CLI's ``--format json`` document)."""
        return json.dumps(self._document, ensure_ascii=False, indent=indent)

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One flat dict per finding: code, severity, message, subject_kind, subject_id, start, end, article, details."""
        return [f.to_dict() for f in self.findings]

    def to_pandas(self) -> "pandas.DataFrame":
        """The findings as a DataFrame (one row per finding; ``start``/``end`` as datetime64). Needs pandas."""
        pandas = _require_pandas()
        columns = ["code", "severity", "message", "subject_kind", "subject_id", "start", "end", "article", "details"]
        frame = pandas.DataFrame(self.to_dicts(), columns=columns)
        return _dates_to_datetime64(frame, ["start", "end"])

    def __repr__(self) -> str:
        s = self.summary
        return f"<Report: {len(self)} findings ({s.errors} errors, {s.warnings} warnings, {s.infos} infos)>"

    def __str__(self) -> str:
        lines = [repr(self)]
        lines.extend(f"  {f}" for f in self.findings[:20])
        if len(self) > 20:
            lines.append(f"  … and {len(self) - 20} more")
        return "\n".join(lines)

    def _repr_html_(self, limit: int = 50) -> str:
        s = self.summary
        head = (
            f"<p><b>diaban report</b>: {len(self)} findings — {s.errors} errors, {s.warnings} warnings,"
            f" {s.infos} infos</p>"
        )
        cells = ("severity", "code", "subject", "from", "to", "message")
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v))}</td>"
                for v in (
                    f.severity,
                    f.code,
                    f"{f.subject_kind} {f.subject_id}",
                    f.start or "",
                    f.end or "",
                    f.message,
                )
            )
            + "</tr>"
            for f in self.findings[:limit]
        )
        more = f"<p>… and {len(self) - limit} more</p>" if len(self) > limit else ""
        header = "".join(f"<th>{c}</th>" for c in cells)
        return f"{head}<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>{more}"


# --- queries -----------------------------------------------------------------------------------


class Coverage(Sequence[CoverageRow]):
    """The coverage table of a scheme on a day: every target in scope, covered or not."""

    __slots__ = ("_document", "scheme", "at", "covered", "uncovered", "rows")

    scheme: str
    at: _dt.date
    covered: int
    uncovered: int
    rows: List[CoverageRow]

    _document: _t.Coverage

    def __init__(self, document: _t.Coverage) -> None:
        self._document = document
        self.scheme = document["scheme"]
        self.at = _date_required(document["at"])
        self.covered = document["covered"]
        self.uncovered = document["uncovered"]
        self.rows = [
            _build(CoverageRow, r, assignments=[_build(Assignment, a) for a in r["assignments"]])
            for r in document["rows"]
        ]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[CoverageRow]:
        return iter(self.rows)

    @overload
    def __getitem__(self, index: int) -> CoverageRow: ...
    @overload
    def __getitem__(self, index: slice) -> List[CoverageRow]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[CoverageRow, List[CoverageRow]]:
        return self.rows[index]

    def uncovered_rows(self) -> List[CoverageRow]:
        """The targets nobody covers on the day."""
        return [r for r in self.rows if not r.covered]

    def to_dict(self) -> _t.Coverage:
        """The coverage as the core serialises it (as ``diaban coverage --format json``)."""
        result: _t.Coverage = json.loads(json.dumps(self._document))
        return result

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One flat dict per target (see :meth:`CoverageRow.to_dict`)."""
        return [r.to_dict() for r in self.rows]

    def to_pandas(self) -> "pandas.DataFrame":
        """The table as a DataFrame, one row per target. Needs pandas."""
        pandas = _require_pandas()
        columns = [
            "code",
            "name",
            "type",
            "district_code",
            "district_name",
            "covered",
            "monitors",
            "subject_ids",
            "subject_names",
            "assignment_ids",
        ]
        return pandas.DataFrame(self.to_dicts(), columns=columns)

    def __repr__(self) -> str:
        return (
            f"<Coverage {self.scheme} on {self.at}: {self.covered} covered, {self.uncovered} uncovered"
            f" of {len(self)}>"
        )

    def _repr_html_(self) -> str:
        header = "".join(f"<th>{c}</th>" for c in ("code", "name", "district", "covered", "monitored by"))
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v))}</td>"
                for v in (
                    r.code,
                    r.name,
                    r.district_name or "",
                    "yes" if r.covered else "NO",
                    "; ".join(a.subject_name or a.subject_id for a in r.assignments),
                )
            )
            + "</tr>"
            for r in self.rows
        )
        return f"<p><b>{html.escape(repr(self))}</b></p><table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"


# --- the yearly report -------------------------------------------------------------------------


def _flat_rows(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    pandas = _require_pandas()
    return pandas.DataFrame(list(rows), columns=list(columns))


@dataclass(frozen=True)
class AssignmentYear:
    """One assignment in the year: its days in the year (``start``..``end``), duties, proposals
    and evaluation; ``shortfall`` when a duty is unmet or the evaluation is missing, late or
    rated unfulfilled. (Flat rows: :meth:`YearReport.to_dicts`.)"""

    assignment_id: str
    scheme: str
    subject_id: str
    subject_name: Optional[str]
    agency_id: Optional[str]
    agency_name: Optional[str]
    target: str
    target_name: Optional[str]
    district_code: Optional[str]
    district_name: Optional[str]
    start: _dt.date
    end: Optional[_dt.date]
    days: int
    duties: List[DutyRow]
    proposals: int
    evaluation: EvaluationStatus
    shortfall: bool

    @classmethod
    def _from_json(cls, a: _t.AssignmentYear) -> AssignmentYear:
        period = a["period"]
        return _build(
            cls,
            a,
            start=_date_required(period["from"]),
            end=_date(period.get("to")),
            duties=[_build(DutyRow, d) for d in a["duties"]],
            evaluation=_build(EvaluationStatus, a["evaluation"]),
        )

    def duty(self, duty_id: str) -> Optional[DutyRow]:
        """The row of one duty, if the assignment's scheme has it."""
        return next((d for d in self.duties if d.duty == duty_id), None)


class YearReport(Sequence[AssignmentYear]):
    """The yearly compliance report of :meth:`Dataset.report` (``diaban report``).

    A sequence of :class:`AssignmentYear` (one per assignment of a scheme with duties that ran
    in the year); ``districts`` and ``agencies`` are the roll-ups, ``proposals`` the proposals
    made in the year, ``programme`` the rural-development contributions. :meth:`to_dict` is the
    exact document of ``diaban report --format json``; :meth:`to_pandas` gives one row per
    assignment, or another table with ``table=`` — the core's flattening, the same as
    ``diaban report --csv``.
    """

    __slots__ = ("_document", "year", "today", "regulation", "assignments", "districts", "agencies",
                 "proposals", "programme")

    _document: _t.YearReport
    year: int
    today: Optional[_dt.date]
    regulation: str
    assignments: List[AssignmentYear]
    districts: List[Rollup]
    agencies: List[Rollup]
    proposals: List[Proposal]
    programme: Programme

    TABLES: Tuple[str, ...] = tuple(_native.REPORT_TABLES)
    """The table names :meth:`to_dicts` and :meth:`to_pandas` take."""

    def __init__(self, document: _t.YearReport) -> None:
        self._document = document
        self.year = document["year"]
        self.today = _date(document.get("today"))
        self.regulation = document["regulation"]
        self.assignments = [AssignmentYear._from_json(a) for a in document["assignments"]]
        self.districts = [_build(Rollup, r) for r in document["districts"]]
        self.agencies = [_build(Rollup, r) for r in document["agencies"]]
        self.proposals = [_build(Proposal, p) for p in document["proposals"]]
        programme = document["programme"]
        self.programme = Programme(
            by_agency=[_contribution(c) for c in programme["by_agency"]],
            by_commune=[_contribution(c) for c in programme["by_commune"]],
            by_year=[_contribution(c) for c in programme["by_year"]],
        )

    def __len__(self) -> int:
        return len(self.assignments)

    def __iter__(self) -> Iterator[AssignmentYear]:
        return iter(self.assignments)

    @overload
    def __getitem__(self, index: int) -> AssignmentYear: ...
    @overload
    def __getitem__(self, index: slice) -> List[AssignmentYear]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[AssignmentYear, List[AssignmentYear]]:
        return self.assignments[index]

    @property
    def duty_ids(self) -> List[str]:
        """The duties in the report, in profile order."""
        ids: List[str] = []
        for a in self.assignments:
            for d in a.duties:
                if d.duty not in ids:
                    ids.append(d.duty)
        return ids

    @property
    def with_shortfall(self) -> List[AssignmentYear]:
        """The assignments with a shortfall."""
        return [a for a in self.assignments if a.shortfall]

    def to_dict(self) -> _t.YearReport:
        """The report as the core serialises it (``diaban report --format json``)."""
        result: _t.YearReport = json.loads(json.dumps(self._document))
        return result

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self._document, ensure_ascii=False, indent=indent)

    def table(self, table: str = "assignments") -> _t.Table:
        """One table flattened by the core, as ``diaban report --csv`` writes it: ``columns``
        (name and kind: ``text``, ``integer``, ``boolean``, ``date``) and ``rows`` (lists of
        cells, dates as ISO text). Raises :class:`InvalidArgumentError` for an unknown table."""
        return _native.report_table(self._document, table)

    def to_dicts(self, table: str = "assignments") -> List[Dict[str, Any]]:
        """Flat rows of one table (see :meth:`table`; dates as ``datetime.date``): ``assignments``
        (one row per assignment, ``{duty}_done``/``_required``/``_met`` columns per duty),
        ``districts``, ``agencies`` (a ``rating_{rating}`` column per rating), ``proposals``, or
        ``programme_by_agency``, ``programme_by_commune``, ``programme_by_year`` (one row per
        contribution kind)."""
        flat = self.table(table)
        names = [c["name"] for c in flat["columns"]]
        dates = [c["kind"] == "date" for c in flat["columns"]]
        return [
            {n: (_date_wide(v) if d else v) for n, d, v in zip(names, dates, row)} for row in flat["rows"]
        ]

    def to_pandas(self, table: str = "assignments") -> "pandas.DataFrame":
        """One table as a DataFrame (see :meth:`table`; dates as datetime64). Needs pandas."""
        flat = self.table(table)
        columns = [c["name"] for c in flat["columns"]]
        frame = _flat_rows(self.to_dicts(table), columns)
        return _dates_to_datetime64(frame, [c["name"] for c in flat["columns"] if c["kind"] == "date"])

    def __repr__(self) -> str:
        return (
            f"<YearReport {self.year} ({self.regulation}): {len(self)} assignments,"
            f" {len(self.with_shortfall)} with a shortfall, {len(self.proposals)} proposals>"
        )

    def _repr_html_(self, limit: int = 50) -> str:
        cells = ("assignment", "subject", "target", "days", "duties", "evaluation", "shortfall")
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v))}</td>"
                for v in (
                    a.assignment_id,
                    a.subject_name or a.subject_id,
                    a.target_name or a.target,
                    a.days,
                    ", ".join(f"{d.duty} {d.done}/{d.required}" for d in a.duties),
                    a.evaluation.status,
                    "yes" if a.shortfall else "",
                )
            )
            + "</tr>"
            for a in self.assignments[:limit]
        )
        more = f"<p>… and {len(self) - limit} more</p>" if len(self) > limit else ""
        header = "".join(f"<th>{c}</th>" for c in cells)
        return (
            f"<p><b>{html.escape(repr(self))}</b></p><table><thead><tr>{header}</tr></thead>"
            f"<tbody>{rows}</tbody></table>{more}"
        )


# --- reorganisations ---------------------------------------------------------------------------


def _date_wide(text: Optional[str]) -> Optional[_dt.date]:
    """A date that may lie outside Python's years 1–9999 (the core's "since before the records
    begin" is its earliest representable day): clamped to ``date.min``/``date.max``."""
    if text is None:
        return None
    if text.startswith("-") or text.startswith("+"):
        return _dt.date.min if text.startswith("-") else _dt.date.max
    return _dt.date.fromisoformat(text)


class Events(Sequence[ReorganizationEdge]):
    """Reorganisation events: a list of :class:`ReorganizationEdge` (the edges sharing an
    effective day make one event).

    Get them with :func:`diaban.events` (a built-in id, a file or a list of dicts), or with
    :meth:`builtin`, :meth:`load`, :meth:`loads`, :meth:`from_records`.
    """

    __slots__ = ("_inner", "edges")

    edges: List[ReorganizationEdge]

    def __init__(self, _inner: _native.Events) -> None:
        if not isinstance(_inner, _native.Events):
            raise TypeError("use diaban.events(), Events.builtin(), Events.load() or Events.from_records()")
        self._inner = _inner
        self.edges = [_build(ReorganizationEdge, e) for e in _inner.to_value()]

    @classmethod
    def builtin(cls, id: str) -> Events:
        """A built-in event by id (``bac-kan-2025``: Bắc Kạn's 108 communes → 37 units of Thái
        Nguyên on 2025-07-01, the districts abolished); raises :class:`InvalidArgumentError`."""
        return cls(_native.Events.builtin(id))

    @staticmethod
    def builtin_ids() -> List[str]:
        """The ids of the built-in events."""
        return _native.Events.builtin_ids()

    @classmethod
    def load(cls, path: PathLike) -> Events:
        """Reads events from a JSON list (``*.json``), a ``reorganizations.csv`` file or a CSV folder."""
        return cls(_native.Events.load(os.fspath(path)))

    @classmethod
    def loads(cls, text: str, format: str = "json") -> Events:
        """Reads events from text: a JSON list of edges (``format="json"``) or a
        ``reorganizations.csv`` text (``format="csv"``)."""
        if format not in ("json", "csv"):
            raise ValueError(f"format must be 'json' or 'csv', not {format!r}")
        name = "events.json" if format == "json" else "reorganizations.csv"
        return cls(_native.Events.from_text(name, text))

    @classmethod
    def from_records(cls, records: Iterable[Union[Mapping[str, Any], ReorganizationEdge]]) -> Events:
        """Events from dicts shaped as the JSON edges (dates as ``datetime.date`` or text;
        ``None``/``NaN`` for absent fields) or :class:`ReorganizationEdge` values."""
        rows = [
            _drop_missing(r.to_dict() if isinstance(r, ReorganizationEdge) else dict(r)) for r in records
        ]
        return cls(_native.Events.from_value(rows))

    def validate(self) -> None:
        """Raises :class:`InvalidArgumentError` when an edge is malformed (as applying does)."""
        self._inner.validate()

    def __len__(self) -> int:
        return len(self.edges)

    def __iter__(self) -> Iterator[ReorganizationEdge]:
        return iter(self.edges)

    @overload
    def __getitem__(self, index: int) -> ReorganizationEdge: ...
    @overload
    def __getitem__(self, index: slice) -> List[ReorganizationEdge]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[ReorganizationEdge, List[ReorganizationEdge]]:
        return self.edges[index]

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The edges as a JSON list (what :meth:`loads` and ``diaban reorganize --events`` read)."""
        return json.dumps(self._inner.to_value(), ensure_ascii=False, indent=indent)

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One flat dict per edge (``effective`` as a ``datetime.date``)."""
        return [e.to_dict() for e in self.edges]

    def to_pandas(self) -> "pandas.DataFrame":
        """The edges as a DataFrame. Needs pandas."""
        return _dates_to_datetime64(_flat_rows(self.to_dicts(), _fields(ReorganizationEdge)), ["effective"])

    def __repr__(self) -> str:
        days = sorted({e.effective for e in self.edges})
        when = ", ".join(str(d) for d in days[:3]) + (", …" if len(days) > 3 else "")
        return f"<Events: {len(self)} edges{f' effective {when}' if days else ''}>"


EventsLike = Union[str, "os.PathLike[str]", Events, Iterable[Union[Mapping[str, Any], ReorganizationEdge]]]
"""A built-in event id (``bac-kan-2025``), a path (a JSON list of edges, a ``reorganizations.csv``
file or a CSV folder), an :class:`Events`, or a list of edge dicts / :class:`ReorganizationEdge`."""


def events(source: EventsLike) -> Events:
    """Reorganisation events from a built-in id, a file or folder, or a list of edges.

    A string names a file when one exists at that path, else a built-in event (as ``diaban
    reorganize --events``); an unknown name raises :class:`InvalidArgumentError`.
    """
    return _events_like(source)


def _events_like(source: EventsLike) -> Events:
    if isinstance(source, Events):
        return source
    if isinstance(source, os.PathLike):
        return Events.load(source)
    if isinstance(source, str):
        if os.path.exists(source):
            return Events.load(source)
        return Events.builtin(source)
    if isinstance(source, (bytes, Mapping)):
        raise TypeError(
            f"events must be a built-in id, a path or a list of edges, not {type(source).__name__}"
        )
    return Events.from_records(source)


_CHANGES_TABLES = ("assignments_closed", "units_ended", "units_started", "left")


class Changes:
    """What :meth:`Dataset.reorganize` changed: units ended and started, assignments closed,
    edges added, and records left for a person to review. :meth:`to_dict` is the ``changes``
    member of ``diaban reorganize --format json``."""

    __slots__ = ("_document", "events", "units_ended", "units_started", "assignments_closed", "edges_added",
                 "left", "is_empty")

    events: List[_dt.date]
    units_ended: List[UnitChange]
    units_started: List[UnitChange]
    assignments_closed: List[ClosedAssignment]
    edges_added: int
    left: List[LeftRecord]
    is_empty: bool
    """True when nothing changed (the events had already been applied)."""

    TABLES = _CHANGES_TABLES
    """The table names :meth:`to_dicts` and :meth:`to_pandas` take."""

    _document: _t.Changes

    def __init__(self, document: _t.Changes, is_empty: bool) -> None:
        self._document = document
        self.events = [_date_required(d) for d in document["events"]]
        self.units_ended = [_build(UnitChange, u, unit=_build(Unit, u["unit"])) for u in document["units_ended"]]
        self.units_started = [
            _build(UnitChange, u, unit=_build(Unit, u["unit"])) for u in document["units_started"]
        ]
        self.assignments_closed = [_build(ClosedAssignment, c) for c in document["assignments_closed"]]
        self.edges_added = document["edges_added"]
        self.left = [_build(LeftRecord, r) for r in document["left"]]
        self.is_empty = is_empty

    def to_dict(self) -> _t.Changes:
        """The changes as the core serialises them (the CLI's ``changes`` document)."""
        result: _t.Changes = json.loads(json.dumps(self._document))
        return result

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The changes as JSON text."""
        return json.dumps(self._document, ensure_ascii=False, indent=indent)

    def _rows(self, table: str) -> Sequence[Union[UnitChange, ClosedAssignment, LeftRecord]]:
        if table == "assignments_closed":
            return self.assignments_closed
        if table == "units_ended":
            return self.units_ended
        if table == "units_started":
            return self.units_started
        if table == "left":
            return self.left
        raise ValueError(f"unknown table {table!r} (expected one of {', '.join(_CHANGES_TABLES)})")

    def to_dicts(self, table: str = "assignments_closed") -> List[Dict[str, Any]]:
        """Flat rows of one table: ``assignments_closed``, ``units_ended``, ``units_started`` or ``left``."""
        return [r.to_dict() for r in self._rows(table)]

    def to_pandas(self, table: str = "assignments_closed") -> "pandas.DataFrame":
        """One table as a DataFrame (see :meth:`to_dicts`). Needs pandas."""
        columns = {
            "assignments_closed": _fields(ClosedAssignment),
            "units_ended": ["effective", *_fields(Unit)],
            "units_started": ["effective", *_fields(Unit)],
            "left": _fields(LeftRecord),
        }
        rows = self.to_dicts(table)
        return _flat_rows(rows, columns[table])

    def __repr__(self) -> str:
        if self.is_empty:
            return "<Changes: nothing changed (already applied)>"
        days = ", ".join(str(d) for d in self.events)
        return (
            f"<Changes effective {days}: {len(self.units_ended)} units ended, {len(self.units_started)} started,"
            f" {len(self.assignments_closed)} assignments closed, {self.edges_added} edges added,"
            f" {len(self.left)} records to review>"
        )


@dataclass(frozen=True)
class LineageReport:
    """The lineage of one unit — a code on a day (a code may be reused by a later unit): what
    it came from (``predecessors``) and what it became (``successors``), nearest first.

    A day the core cannot place before the records begin is given as ``datetime.date.min``.
    """

    code: str
    name: Optional[str]
    at: _dt.date
    valid_from: Optional[_dt.date]
    valid_to: Optional[_dt.date]
    predecessors: List[LineageStep]
    successors: List[LineageStep]
    _document: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)

    @classmethod
    def _from_json(cls, r: _t.LineageReport) -> LineageReport:
        return _build(
            cls,
            r,
            at=_date_wide(r["at"]) or _dt.date.min,
            predecessors=[_build(LineageStep, s) for s in r["predecessors"]],
            successors=[_build(LineageStep, s) for s in r["successors"]],
            _document=r,
        )

    @property
    def known(self) -> bool:
        """True when the code names a unit or takes part in a reorganisation."""
        return self.name is not None or bool(self.predecessors) or bool(self.successors)

    def to_dict(self) -> Dict[str, Any]:
        """The lineage as the core serialises it (one element of ``diaban lineage --format json``)."""
        result: Dict[str, Any] = json.loads(json.dumps(self._document))
        return result

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One flat row per step, with ``direction`` ``predecessor`` or ``successor``."""
        return [{"direction": "predecessor", **s.to_dict()} for s in self.predecessors] + [
            {"direction": "successor", **s.to_dict()} for s in self.successors
        ]

    def to_pandas(self) -> "pandas.DataFrame":
        """The steps as a DataFrame (see :meth:`to_dicts`). Needs pandas."""
        return _flat_rows(self.to_dicts(), ["direction", *_fields(LineageStep)])

    def __str__(self) -> str:
        def span(a: Optional[_dt.date], b: Optional[_dt.date]) -> str:
            return f"{a if a not in (None, _dt.date.min) else '…'} – {b if b is not None else '…'}"

        lines = [f"{self.code} {self.name or '?'} ({span(self.valid_from, self.valid_to)})", "  came from:"]
        for arrow, steps in (("←", self.predecessors), ("→", self.successors)):
            if arrow == "→":
                lines.append("  became:")
            if not steps:
                lines.append("    —")
            for s in steps:
                what = (
                    f"{s.code} {s.name or '?'} ({span(s.valid_from, s.valid_to)})"
                    if s.code is not None
                    else "abolished, no successor"
                )
                lines.append(f"{'  ' * (s.depth + 1)}{arrow} {what} — {s.part}, effective {s.effective}")
        return "\n".join(lines)


# --- datasets ----------------------------------------------------------------------------------


class Dataset:
    """A dataset: units, organisations, people, terms, assignments, activities, evaluations,
    reorganisations and rural-development statuses.

    Build one with :func:`demo`, :func:`load`, :func:`loads`, :meth:`from_records`,
    :meth:`from_dict` or :meth:`from_csv_texts`. Datasets are immutable.
    """

    __slots__ = ("_inner",)

    def __init__(self, _inner: _native.Dataset) -> None:
        if not isinstance(_inner, _native.Dataset):
            raise TypeError("use diaban.demo(), diaban.load(), diaban.loads() or Dataset.from_records()")
        self._inner = _inner

    # construction

    @classmethod
    def demo(cls) -> Dataset:
        """The embedded Bắc Kạn demo dataset (108 communes, 2024–2025)."""
        return cls(_native.Dataset.demo())

    @classmethod
    def load(cls, path: PathLike) -> Dataset:
        """Loads a JSON file, an XLSX workbook (one sheet per table) or a folder of CSV files;
        raises :class:`LoadError` naming the file and line (or the sheet and cell)."""
        return cls(_native.Dataset.load(os.fspath(path)))

    @classmethod
    def loads(cls, text: str) -> Dataset:
        """Reads a dataset from JSON text (the document ``to_json`` writes)."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        return cls(_native.Dataset.from_json(text))

    @classmethod
    def from_json(cls, text: str) -> Dataset:
        """The same as :meth:`loads`."""
        return cls.loads(text)

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> Dataset:
        """Reads a dataset from a dict of tables shaped as the JSON document (dates may be ``date``)."""
        return cls(_native.Dataset.from_value(dict(value)))

    @classmethod
    def from_records(
        cls,
        *,
        units: Iterable[Mapping[str, Any]] = (),
        organizations: Iterable[Mapping[str, Any]] = (),
        people: Iterable[Mapping[str, Any]] = (),
        terms: Iterable[Mapping[str, Any]] = (),
        assignments: Iterable[Mapping[str, Any]] = (),
        activities: Iterable[Mapping[str, Any]] = (),
        evaluations: Iterable[Mapping[str, Any]] = (),
        reorganizations: Iterable[Mapping[str, Any]] = (),
        ntm_statuses: Iterable[Mapping[str, Any]] = (),
    ) -> Dataset:
        """A dataset from Python lists of dicts, one list per table (fields as in the JSON
        document; dates as ``datetime.date`` or ISO text; ``None``/``NaN`` for absent values,
        so ``DataFrame.to_dict("records")`` works)."""
        tables = {
            "units": units,
            "organizations": organizations,
            "people": people,
            "terms": terms,
            "assignments": assignments,
            "activities": activities,
            "evaluations": evaluations,
            "reorganizations": reorganizations,
            "ntm_statuses": ntm_statuses,
        }
        document = {name: [_drop_missing(dict(r)) for r in rows] for name, rows in tables.items()}
        return cls(_native.Dataset.from_value({k: v for k, v in document.items() if v or k == "units"}))

    @classmethod
    def from_xlsx(cls, data: bytes) -> Dataset:
        """Reads a dataset from the bytes of an XLSX workbook (one sheet per table)."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        return cls(_native.Dataset.from_xlsx(bytes(data)))

    @classmethod
    def from_csv_texts(cls, files: Mapping[str, str]) -> Dataset:
        """Reads a dataset from CSV texts by file name: ``{"units.csv": "code,name,type\\n...", ...}``."""
        return cls(_native.Dataset.from_csv_texts([(str(k), str(v)) for k, v in files.items()]))

    # export

    def to_json(self) -> str:
        """The dataset as pretty JSON (lossless: :func:`loads` reads it back)."""
        return self._inner.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The dataset as a dict of tables (the JSON document; dates as ISO text)."""
        return self._inner.to_value()

    def to_csv_texts(self) -> Dict[str, str]:
        """The dataset as CSV files: ``{file name: text}`` for every non-empty table."""
        return dict(self._inner.to_csv_texts())

    def to_xlsx(self) -> bytes:
        """The dataset as the bytes of an XLSX workbook (one sheet per non-empty table, typed
        cells); :meth:`from_xlsx` and :func:`load` read it back unchanged."""
        return self._inner.to_xlsx()

    @property
    def counts(self) -> Dict[str, int]:
        """The number of records in each table."""
        return dict(self._inner.counts())

    # questions

    def check(
        self,
        at: Optional[DateLike] = None,
        today: Optional[DateLike] = None,
        lang: Optional[str] = None,
        profile: ProfileLike = None,
        *,
        recorded_on: Optional[DateLike] = None,
        strict: bool = False,
    ) -> Report:
        """Checks the dataset against a profile and returns every finding.

        ``at``: view the records as they stood on that single day (default: the whole history);
        ``today``: the day the check is judged on — deadlines, years that are over, gaps that
        have begun (default: ``at`` when given, else the system date, as on the command line and
        in JavaScript); ``recorded_on``: leave out assignments decided after that day;
        ``lang``: ``"vi"`` (the default) or ``"en"`` messages; ``profile``: see
        :data:`ProfileLike`; ``strict``: also report, as information, the records the regulation
        does not cover (outside its territory or after its end). The check runs with the GIL
        released.
        """
        native_profile = _resolve_profile(profile)
        lang = lang if lang is not None else _native.DEFAULT_LANG
        document = self._inner.check(
            native_profile,
            _dt.date.today().isoformat(),
            at=_day_text(at, "at"),
            today=_day_text(today, "today"),
            recorded_on=_day_text(recorded_on, "recorded_on"),
            lang=lang,
            strict=bool(strict),
        )
        return Report(document, lang)

    def coverage(self, at: DateLike, scheme: Optional[str] = None, *, profile: ProfileLike = None) -> Coverage:
        """The coverage table of a scheme on a day (default scheme: the profile's first with a
        coverage rule, ``commune-monitoring`` for bac-kan-1390)."""
        return Coverage(self._inner.coverage(_resolve_profile(profile), _required_day(at, "at"), scheme))

    def who_monitors(self, unit_code: str, at: DateLike) -> List[Assignment]:
        """Every assignment (of any scheme) on a unit (or organisation) that includes the day.

        The unit is given by code or by name ("Vi Hương", "xã vi hương"): an unknown one raises
        :class:`InvalidArgumentError` with code ``not_found``; a name several records bear raises
        it with code ``ambiguous_name``, the candidates in the message."""
        return [_adopt(Assignment, a) for a in self._inner.who_monitors(unit_code, _required_day(at, "at"))]

    def monitored_by(self, person_id: str, at: DateLike) -> List[Assignment]:
        """Every assignment (of any scheme) held by a person (or organisation), by id or by name,
        that includes the day."""
        return [_adopt(Assignment, a) for a in self._inner.monitored_by(person_id, _required_day(at, "at"))]

    def relations(self, person_id: str, at: DateLike, *, profile: ProfileLike = None) -> List[Relation]:
        """Every working relationship a person (by id or name) has on a day through their
        assignments: whom they report to, who directs them, whom they coordinate with, who
        evaluates them."""
        native_profile = _resolve_profile(profile)
        return [_relation(r) for r in self._inner.relations(native_profile, person_id, _required_day(at, "at"))]

    def history(self, unit_code: str) -> List[Assignment]:
        """Every assignment ever made on a unit (or organisation), by code or name, by start date."""
        return [_adopt(Assignment, a) for a in self._inner.history(unit_code)]

    def relations_towards(self, id: str, at: DateLike, *, profile: ProfileLike = None) -> List[Relation]:
        """The reverse of :meth:`relations`: every working relationship in force on a day whose
        counterpart is ``id`` — a body (a district, a party committee, an agency) or a person
        named as counterpart (a district lead, a body's head)."""
        native_profile = _resolve_profile(profile)
        return [
            _relation(r)
            for r in self._inner.relations_towards(native_profile, id, _required_day(at, "at"))
        ]

    def report(self, year: int, today: Optional[DateLike] = None, *, profile: ProfileLike = None) -> YearReport:
        """The yearly compliance report (``diaban report --year``): per assignment, the duties
        against what was required (prorated), proposals and the evaluation; roll-ups per district
        and agency; the rural-development programme's contributions.

        ``today``: the day evaluation deadlines are judged against (default: the system date,
        as on the command line and in JavaScript). Runs with the GIL released.
        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, not {type(year).__name__}")
        native_profile = _resolve_profile(profile)
        return YearReport(
            self._inner.year_report(native_profile, year, _dt.date.today().isoformat(), _day_text(today, "today"))
        )

    def reorganize(self, events: EventsLike) -> Tuple[Dataset, Changes]:
        """Applies reorganisation events and returns the carried-over dataset and what changed.

        ``events``: a built-in id (``"bac-kan-2025"``), a path (a JSON list of edges, a
        ``reorganizations.csv`` file or a CSV folder), an :class:`Events`, or a list of edge
        dicts. Old units end the day before each event, new units start on it, assignments
        still running on an ended unit end then with reason ``reorganized``, and the edges are
        recorded in the dataset's ``reorganizations``. Applying the same events again changes
        nothing. Malformed edges raise :class:`InvalidArgumentError`. Runs with the GIL released.
        """
        native_events = _events_like(events)
        after, changes, empty = self._inner.reorganize(native_events._inner)
        return Dataset(after), Changes(changes, empty)

    @overload
    def lineage(self, code: str, at: DateLike, *, events: Optional[EventsLike] = None) -> LineageReport: ...
    @overload
    def lineage(self, code: str, at: None = None, *, events: Optional[EventsLike] = None) -> List[LineageReport]: ...
    def lineage(
        self, code: str, at: Optional[DateLike] = None, *, events: Optional[EventsLike] = None
    ) -> Union[LineageReport, List[LineageReport]]:
        """What a unit came from and what it became, across reorganisations (``diaban lineage``).

        A code names a unit on a day (``01843`` is Phường Phùng Chí Kiên until 2025-06-30 and
        Phường Bắc Kạn from 2025-07-01): with ``at``, the :class:`LineageReport` of the unit in
        force that day; without, one report per version of the code. The edges are the dataset's
        ``reorganizations`` plus ``events`` (see :data:`EventsLike`), for a dataset not yet
        reorganised.
        """
        native_events = None if events is None else _events_like(events)._inner
        day = _day_text(at, "at")
        reports = [
            LineageReport._from_json(r)
            for r in self._inner.lineage(code, day, native_events)
        ]
        if at is None:
            return reports
        return reports[0]

    # --- printable documents (Word files, as `diaban report/coverage --out FILE.docx`) ---

    def report_docx(self, year: int, today: Optional[DateLike] = None, *, profile: ProfileLike = None) -> bytes:
        """The yearly report (:meth:`report`) as the bytes of a Word document in the layout of
        the Party's documents, in Vietnamese; the number, the day and the signer are left as
        "…" for the office. ``today`` defaults to the system date, as in :meth:`report`."""
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be an int, not {type(year).__name__}")
        return self._inner.year_report_docx(
            _resolve_profile(profile), year, _dt.date.today().isoformat(), _day_text(today, "today")
        )

    def coverage_docx(self, at: DateLike, scheme: Optional[str] = None, *, profile: ProfileLike = None) -> bytes:
        """The coverage list of a day (:meth:`coverage`) as the bytes of a Word document in the
        layout of the Party's documents, in Vietnamese."""
        return self._inner.coverage_docx(_resolve_profile(profile), _required_day(at, "at"), scheme)

    # --- end of printable documents ---

    def __repr__(self) -> str:
        parts = ", ".join(f"{n} {k}" for k, n in self.counts.items() if n)
        return f"<Dataset: {parts or 'empty'}>"


def _drop_missing(record: Dict[str, Any]) -> Dict[str, Any]:
    """A record without its ``None``/``NaN`` values (absent optional fields)."""
    return {k: v for k, v in record.items() if v is not None and not (isinstance(v, float) and v != v)}


def demo() -> Dataset:
    """The embedded Bắc Kạn demo dataset."""
    return Dataset.demo()


def load(path: PathLike) -> Dataset:
    """Loads a dataset from a JSON file, an XLSX workbook or a folder of CSV files (``str`` or ``os.PathLike``)."""
    return Dataset.load(path)


def loads(text: str) -> Dataset:
    """Reads a dataset from JSON text."""
    return Dataset.loads(text)


# --- the template workbook of a province (`diaban template`) ---


def template(province: str, at: Optional[DateLike] = None) -> bytes:
    """The bytes of an XLSX workbook to start a province's records from (``diaban template``):
    its real administrative units on ``at`` (default: the system date) from the national lists
    shipped with diaban, their party committees, a sheet with Vietnamese headers for every
    table, drop-down lists and a "Hướng dẫn" sheet. Fill it in and :func:`load` it. An unknown
    province code raises :class:`InvalidArgumentError` listing the provinces of the day."""
    day = _day_text(at, "at") or _dt.date.today().isoformat()
    return _native.template_xlsx(province, day)
