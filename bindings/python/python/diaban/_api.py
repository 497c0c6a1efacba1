"""The typed Python API over the extension module ``diaban._diaban``.

Everything here is a thin wrapper: results are the core's own structures (the report's JSON
document, the coverage table, assignment views) turned into small frozen dataclasses, with dates
as :class:`datetime.date`.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Union,
    overload,
)

from . import _diaban as _native

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = [
    "Assignment",
    "Coverage",
    "CoverageRow",
    "Dataset",
    "DateLike",
    "Finding",
    "PathLike",
    "PersonRef",
    "Profile",
    "ProfileLike",
    "Relation",
    "Report",
    "Summary",
    "demo",
    "load",
    "loads",
    "parse_date",
]

DateLike = Union[_dt.date, str]
"""A day: a :class:`datetime.date` (a ``datetime`` gives its date) or text ``YYYY-MM-DD`` / ``DD/MM/YYYY``."""

PathLike = Union[str, "os.PathLike[str]"]

DEFAULT_PROFILE = "bac-kan-1390"

TABLES = (
    "units",
    "organizations",
    "people",
    "terms",
    "assignments",
    "activities",
    "evaluations",
    "reorganizations",
    "ntm_statuses",
)


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
    if profile is None:
        profile = DEFAULT_PROFILE
    if isinstance(profile, Profile):
        return profile._inner
    if isinstance(profile, Mapping):
        return _native.Profile.from_value(dict(profile))
    if isinstance(profile, str) and profile in _native.Profile.builtin_ids():
        cached = _builtin_cache.get(profile)
        if cached is None:
            cached = _builtin_cache[profile] = _native.Profile.builtin(profile)
        return cached
    if isinstance(profile, os.PathLike) or (
        isinstance(profile, str) and (profile.endswith(".json") or os.sep in profile or os.path.exists(profile))
    ):
        return _native.Profile.load(os.fspath(profile))
    if isinstance(profile, str):
        return _native.Profile.builtin(profile)  # raises UnknownProfileError
    raise TypeError(f"profile must be None, a built-in id, a path or a diaban.Profile, not {type(profile).__name__}")


# --- findings and reports ----------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One problem found in a dataset (DESIGN §5).

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
    def _from_json(cls, f: Mapping[str, Any]) -> Finding:
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


@dataclass(frozen=True)
class Summary:
    """Counts of findings by severity."""

    errors: int
    warnings: int
    infos: int

    @property
    def total(self) -> int:
        """All findings."""
        return self.errors + self.warnings + self.infos


class Report(Sequence[Finding]):
    """The result of :meth:`Dataset.check`: every finding in a deterministic order, and counts.

    A sequence of :class:`Finding` (``len``, iteration, indexing). :meth:`to_dict` gives the
    exact JSON document of the command line's ``diaban check --format json``.
    """

    __slots__ = ("_document", "findings", "summary", "lang")

    findings: List[Finding]
    summary: Summary
    lang: str

    def __init__(self, document: Mapping[str, Any], lang: str = "vi") -> None:
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

    def to_dict(self) -> Dict[str, Any]:
        """The report as the JSON document of the CLI (``{"findings": [...], "summary": {...}}``)."""
        result: Dict[str, Any] = json.loads(json.dumps(self._document))
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


@dataclass(frozen=True)
class Assignment:
    """An assignment with the names a reader needs (the core's ``AssignmentView``)."""

    id: str
    scheme: str
    subject_id: str
    subject_name: Optional[str]
    subject_title: Optional[str]
    target: str
    target_name: Optional[str]
    valid_from: _dt.date
    valid_to: Optional[_dt.date]
    end_reason: Optional[str]
    decision_number: Optional[str]
    decision_date: Optional[_dt.date]
    replaces: Optional[str]

    @classmethod
    def _from_json(cls, a: Mapping[str, Any]) -> Assignment:
        return cls(
            id=a["id"],
            scheme=a["scheme"],
            subject_id=a["subject_id"],
            subject_name=a.get("subject_name"),
            subject_title=a.get("subject_title"),
            target=a["target"],
            target_name=a.get("target_name"),
            valid_from=_date_required(a["valid_from"]),
            valid_to=_date(a.get("valid_to")),
            end_reason=a.get("end_reason"),
            decision_number=a.get("decision_number"),
            decision_date=_date(a.get("decision_date")),
            replaces=a.get("replaces"),
        )

    def to_dict(self) -> Dict[str, Any]:
        """The assignment as a dict (dates as ``datetime.date``)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class PersonRef:
    """A person on the other side of a relationship."""

    id: str
    name: str
    title: str


@dataclass(frozen=True)
class Relation:
    """One working relationship of one assignment (Chapter III of 1390-QĐ/TU)."""

    kind: str
    subject_id: str
    assignment_id: str
    scheme: str
    target: str
    body_id: Optional[str]
    body_name: Optional[str]
    people: List[PersonRef]
    article: Optional[str]
    note: str
    unresolved: bool

    @classmethod
    def _from_json(cls, r: Mapping[str, Any]) -> Relation:
        return cls(
            kind=r["kind"],
            subject_id=r["subject_id"],
            assignment_id=r["assignment_id"],
            scheme=r["scheme"],
            target=r["target"],
            body_id=r.get("body_id"),
            body_name=r.get("body_name"),
            people=[PersonRef(id=p["id"], name=p["name"], title=p["title"]) for p in r.get("people") or []],
            article=r.get("article"),
            note=r.get("note") or "",
            unresolved=bool(r.get("unresolved")),
        )


@dataclass(frozen=True)
class CoverageRow:
    """One target in scope and the assignments covering it on the day."""

    code: str
    name: str
    type: Optional[str]
    district_code: Optional[str]
    district_name: Optional[str]
    covered: bool
    assignments: List[Assignment]

    def to_dict(self) -> Dict[str, Any]:
        """The row flattened for a table: the assignees joined with ``"; "``."""
        return {
            "code": self.code,
            "name": self.name,
            "type": self.type,
            "district_code": self.district_code,
            "district_name": self.district_name,
            "covered": self.covered,
            "monitors": len(self.assignments),
            "subject_ids": "; ".join(a.subject_id for a in self.assignments),
            "subject_names": "; ".join(a.subject_name or a.subject_id for a in self.assignments),
            "assignment_ids": "; ".join(a.id for a in self.assignments),
        }


class Coverage(Sequence[CoverageRow]):
    """The coverage table of a scheme on a day: every target in scope, covered or not."""

    __slots__ = ("_document", "scheme", "at", "covered", "uncovered", "rows")

    scheme: str
    at: _dt.date
    covered: int
    uncovered: int
    rows: List[CoverageRow]

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document
        self.scheme = document["scheme"]
        self.at = _date_required(document["at"])
        self.covered = document["covered"]
        self.uncovered = document["uncovered"]
        self.rows = [
            CoverageRow(
                code=r["code"],
                name=r["name"],
                type=r.get("type"),
                district_code=r.get("district_code"),
                district_name=r.get("district_name"),
                covered=r["covered"],
                assignments=[Assignment._from_json(a) for a in r["assignments"]],
            )
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

    def to_dict(self) -> Dict[str, Any]:
        """The coverage as the core serialises it (as ``diaban coverage --format json``)."""
        result: Dict[str, Any] = json.loads(json.dumps(self._document))
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
        """Loads a JSON file or a folder of CSV files; raises :class:`LoadError` naming file and line."""
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

    @property
    def counts(self) -> Dict[str, int]:
        """The number of records in each table."""
        return dict(self._inner.counts())

    # questions

    def check(
        self,
        at: Optional[DateLike] = None,
        today: Optional[DateLike] = None,
        lang: str = "vi",
        profile: ProfileLike = None,
        *,
        recorded_on: Optional[DateLike] = None,
    ) -> Report:
        """Checks the dataset against a profile and returns every finding.

        ``at``: check the dataset as it stands on that single day (default: the whole history);
        ``today``: the day deadlines are judged against (default: none has passed; diaban never
        reads a clock); ``recorded_on``: leave out assignments decided after that day;
        ``lang``: ``"vi"`` or ``"en"`` messages; ``profile``: see :data:`ProfileLike`.
        The check runs with the GIL released.
        """
        native_profile = _resolve_profile(profile)
        document = self._inner.check(
            native_profile,
            at=_day_text(at, "at"),
            today=_day_text(today, "today"),
            recorded_on=_day_text(recorded_on, "recorded_on"),
            lang=lang,
        )
        return Report(document, lang)

    def coverage(self, at: DateLike, scheme: Optional[str] = None, *, profile: ProfileLike = None) -> Coverage:
        """The coverage table of a scheme on a day (default scheme: the profile's first with a
        coverage rule, ``commune-monitoring`` for bac-kan-1390)."""
        return Coverage(self._inner.coverage(_resolve_profile(profile), _required_day(at, "at"), scheme))

    def who_monitors(self, unit_code: str, at: DateLike) -> List[Assignment]:
        """Every assignment (of any scheme) on a unit (or organisation) that includes the day."""
        return [Assignment._from_json(a) for a in self._inner.who_monitors(unit_code, _required_day(at, "at"))]

    def monitored_by(self, person_id: str, at: DateLike) -> List[Assignment]:
        """Every assignment (of any scheme) held by a person (or organisation) that includes the day."""
        return [Assignment._from_json(a) for a in self._inner.monitored_by(person_id, _required_day(at, "at"))]

    def relations(self, person_id: str, at: DateLike, *, profile: ProfileLike = None) -> List[Relation]:
        """Every working relationship a person has on a day through their assignments: whom they
        report to, who directs them, whom they coordinate with, who evaluates them."""
        native_profile = _resolve_profile(profile)
        return [Relation._from_json(r) for r in self._inner.relations(native_profile, person_id, _required_day(at, "at"))]

    def history(self, unit_code: str) -> List[Assignment]:
        """Every assignment ever made on a unit (or organisation), by start date."""
        return [Assignment._from_json(a) for a in self._inner.history(unit_code)]

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
    """Loads a dataset from a JSON file or a folder of CSV files (``str`` or ``os.PathLike``)."""
    return Dataset.load(path)


def loads(text: str) -> Dataset:
    """Reads a dataset from JSON text."""
    return Dataset.loads(text)
