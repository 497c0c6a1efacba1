"""The generated TypedDicts (diaban._types, from the core's schema) describe what the module
really returns: every document the demo gives has exactly the members its TypedDict declares
(the required ones always, the optional ones only when present), all the way down."""

from __future__ import annotations

import typing
from typing import Any, Dict, List, Union

import diaban
from diaban import _diaban as native
from diaban import _types

HINTS: Dict[str, Dict[str, Any]] = {}


def hints(name: str) -> Dict[str, Any]:
    if name not in HINTS:
        HINTS[name] = typing.get_type_hints(getattr(_types, name))
    return HINTS[name]


def conforms(value: Any, annotation: Any, where: str) -> None:
    """`value` fits `annotation` (a generated TypedDict, list, dict, Optional, Literal union or scalar)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Union:
        if value is None and type(None) in args:
            return
        errors = []
        for option in args:
            try:
                conforms(value, option, where)
                return
            except AssertionError as e:
                errors.append(str(e))
        raise AssertionError(f"{where}: {value!r} fits none of {annotation}: {errors}")
    if origin is typing.Literal:
        assert value in args, f"{where}: {value!r} not in {args}"
        return
    if origin in (list, List):
        assert isinstance(value, list), f"{where}: not a list"
        for i, item in enumerate(value):
            conforms(item, args[0], f"{where}[{i}]")
        return
    if origin in (dict, Dict):
        assert isinstance(value, dict), f"{where}: not a dict"
        for k, v in value.items():
            conforms(v, args[1], f"{where}.{k}")
        return
    if annotation is Any:
        return
    if isinstance(annotation, type) and issubclass(annotation, dict) and hasattr(annotation, "__required_keys__"):
        assert isinstance(value, dict), f"{where}: not a dict"
        required = annotation.__required_keys__
        declared = required | annotation.__optional_keys__
        assert required <= set(value), f"{where}: missing {sorted(required - set(value))}"
        assert set(value) <= declared, f"{where}: undeclared {sorted(set(value) - declared)}"
        member_hints = hints(annotation.__name__)
        for k, v in value.items():
            conforms(v, member_hints[k], f"{where}.{k}")
        return
    if annotation is int:
        assert isinstance(value, int) and not isinstance(value, bool), f"{where}: {value!r} is not an int"
        return
    assert isinstance(value, annotation), f"{where}: {value!r} is not a {annotation}"


def test_every_document_of_the_demo_is_what_its_typed_dict_says(demo: diaban.Dataset) -> None:
    profile = native.Profile.resolve(None)
    inner = demo._inner
    conforms(inner.check(profile, "2026-12-01", strict=True), _types.Report, "check")
    conforms(inner.coverage(profile, "2024-10-01"), _types.Coverage, "coverage")
    conforms(inner.who_monitors("01954", "2024-10-01"), List[_types.AssignmentView], "who_monitors")
    conforms(inner.history("01954"), List[_types.AssignmentView], "history")
    conforms(inner.relations(profile, "p-ha-sy-thang", "2024-10-01"), List[_types.Relation], "relations")
    conforms(inner.relations_towards(profile, "062", "2024-10-01"), List[_types.Relation], "relations_towards")
    report = inner.year_report(profile, 2024, "2026-12-01")
    conforms(report, _types.YearReport, "year_report")
    for table in native.REPORT_TABLES:
        conforms(native.report_table(report, table), _types.Table, f"report_table {table}")
    after, changes, empty = inner.reorganize(native.Events.builtin("bac-kan-2025"))
    assert not empty
    conforms(changes, _types.Changes, "reorganize")
    conforms(after.lineage("01843"), List[_types.LineageReport], "lineage")
    conforms(native.Events.builtin("bac-kan-2025").to_value(), List[_types.ReorganizationEdge], "events")


def test_the_check_fails_on_a_member_the_types_do_not_declare(demo: diaban.Dataset) -> None:
    document = demo.check(today="2025-03-01").to_dict()
    extra: Dict[str, Any] = {**document, "summary": {**document["summary"], "total": 1}}
    try:
        conforms(extra, _types.Report, "check")
    except AssertionError as e:
        assert "undeclared ['total']" in str(e)
    else:
        raise AssertionError("an undeclared member passed")
