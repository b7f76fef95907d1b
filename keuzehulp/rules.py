"""Load rules/*.yaml: validate every file in one pass (file:line per problem), compile to closures.

A rule id is the file stem plus the local id, e.g. `delivery/outsourced-needs-client-manager`;
an element's own entry (its default priority, reason and actions) has the id `q3/<element>`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from keuzehulp.contract.schema import DECISION_OPTIONS, ELEMENT_IDS, ELEMENT_SECTIONS, SECTION_IDS
from keuzehulp.contract.yamlio import (
    ContentError,
    LineDict,
    Problem,
    display_path,
    line_of,
    load_yaml_file,
)
from keuzehulp.knowledge.assumptions import Register, load_register
from keuzehulp.knowledge.crossref import Citation
from keuzehulp.knowledge.provenance import passage_problem
from keuzehulp.rules.check import FileCheck, cite_common
from keuzehulp.rules.conditions import (
    SPECS_DECISION_RULES,
    SPECS_ELEMENT_RULES,
    Atom,
    compile_condition,
    field_names,
)
from keuzehulp.rules.files import (
    DecisionFile,
    DecisionRuleSpec,
    ElementRuleSpec,
    ElementSpec,
    OptionSpec,
    SectionFile,
)
from keuzehulp.rules.version import content_mark, rule_paths, version_date

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class Provenance:
    """Whose word a text is: see keuzehulp/knowledge/provenance.py and Reason in schema.py."""

    basis: str
    passage: str | None
    assumption: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Text:
    """A text from a rule file (reason, consideration or action) with its provenance."""

    text: str
    prov: Provenance | None  # None: an action that only instructs (states no fact)
    templated: bool


@dataclass
class DecisionRule:
    id: str
    option: str
    weight: int
    reason: str
    examples: tuple[str, ...]
    sources: tuple[str, ...]
    check: Any
    atoms: list[Atom]
    templated: bool
    prov: Provenance = Provenance("handreiking", None, None, ())
    strength_at_most: str | None = None


@dataclass
class Decision:
    id: str
    options: tuple[str, ...]
    rules: list[DecisionRule]
    sources: tuple[str, ...]
    strong: int
    moderate: int
    option_examples: dict[str, tuple[str, ...]]
    against: dict[str, list[Text]]
    fields: frozenset[str] = frozenset()  # profile fields the rules depend on
    flip_guards: dict[str, Any] = field(default_factory=dict)  # option -> check (flip_only_if)
    flip_atoms: dict[str, tuple[Atom, ...]] = field(default_factory=dict)  # flips.threshold_atoms' cache


@dataclass
class ElementRule:
    id: str
    priority: str | None
    reason: str
    actions: tuple[Text, ...]
    examples: tuple[str, ...]
    sources: tuple[str, ...]
    check: Any
    templated: bool
    prov: Provenance = Provenance("handreiking", None, None, ())


@dataclass
class Element:
    id: str
    rule_id: str
    default: str
    reason: str
    actions: tuple[Text, ...]
    examples: tuple[str, ...]
    sources: tuple[str, ...]
    templated: bool
    rules: list[ElementRule] = field(default_factory=list)
    prov: Provenance = Provenance("handreiking", None, None, ())


@dataclass
class RuleSet:
    decisions: dict[str, Decision]
    elements: dict[str, Element]  # in ELEMENT_IDS order
    citations: list[Citation]
    version: str  # content mark of the rule files (rulesversion.content_mark)
    count: int  # number of rules, element entries included
    assumption_users: dict[str, list[str]] = field(default_factory=dict)  # assumption id -> rule ids
    version_date: date | None = None  # the date of the last change (rules/_version.yaml)


def _provenance(fc: FileCheck, loc: tuple[Any, ...], rule: str, spec: Any) -> Provenance:
    """Check that a traced spec says whose word it is, consistently; record what it uses."""
    basis, passage, assumption = spec.basis, spec.passage, spec.assumption
    if passage is not None:
        problem = passage_problem(passage)
        if problem:
            fc.problem((*loc, "passage"), problem)
    if basis == "handreiking" and passage is None:
        fc.problem((*loc, "basis"), "basis 'handreiking' needs a 'passage' quoted verbatim from the handreiking")
    if basis == "aanname":
        if assumption is None:
            fc.problem((*loc, "basis"), "basis 'aanname' needs an 'assumption' (an id in knowledge/assumptions.yaml)")
        elif fc.register is not None and fc.register.get(assumption) is None:
            known = ", ".join(fc.register.items)
            fc.problem((*loc, "assumption"), f"unknown assumption {assumption!r}; known: {known}")
    elif assumption is not None:
        fc.problem((*loc, "assumption"), f"an 'assumption' belongs with basis 'aanname', not {basis!r}")
    if basis == "bron" and not any(s.startswith("knowledge/") for s in spec.sources):
        fc.problem((*loc, "sources"), "basis 'bron' needs a knowledge page of the public source in 'sources'")
    if assumption is not None:
        fc.used.setdefault(assumption, []).append(rule)
    return Provenance(basis, passage, assumption, tuple(spec.sources))


def _actions(fc: FileCheck, loc: tuple[Any, ...], rule: str, actions: list[Any]) -> tuple[Text, ...]:
    out = []
    for i, action in enumerate(actions):
        if isinstance(action, str):
            out.append(Text(action, None, fc.texts((*loc, "actions", i), action)))
        else:
            prov = _provenance(fc, (*loc, "actions", i), rule, action)
            out.append(Text(action.text, prov, fc.texts((*loc, "actions", i, "text"), action.text)))
    return tuple(out)


def _load_decision(fc: FileCheck, decision_id: str) -> Decision | None:
    top = fc.model(DecisionFile, fc.data, ())
    if top is None:
        return None
    options = DECISION_OPTIONS[decision_id]
    option_examples: dict[str, tuple[str, ...]] = {}
    against: dict[str, list[Text]] = {}
    guards: dict[str, Any] = {}
    names: set[str] = set()
    for name in top.options:
        if name not in options:
            fc.problem(("options", name), f"unknown option {name!r} of '{decision_id}'; options: {', '.join(options)}")
    for name in options:
        if name not in top.options:
            fc.problem(("options",), f"option {name!r} is missing")
            continue
        spec = fc.model(OptionSpec, top.options[name], ("options", name))
        if spec is None:
            continue
        rule = f"{decision_id}/{name}"
        fc.cite(("options", name), rule, "decision", decision_id)
        for i, example in enumerate(spec.examples):
            fc.cite(("options", name, "examples", i), rule, "example", example)
        against[name] = []
        for i, con in enumerate(spec.against):
            cite_common(fc, ("options", name, "against", i), rule, con)
            templated = fc.texts(("options", name, "against", i, "text"), con.text)
            prov = _provenance(fc, ("options", name, "against", i), f"{rule}/against", con)
            against[name].append(Text(con.text, prov, templated))
        option_examples[name] = tuple(spec.examples)
        if spec.flip_only_if is not None:
            guard = compile_condition(spec.flip_only_if, top.options[name], ["flip_only_if"], fc.file,
                                      SPECS_DECISION_RULES, fc.problems)
            guards[name] = guard.check
    if top.strength.moderate > top.strength.strong:
        fc.problem(("strength", "moderate"), "must not be larger than 'strong'")
    problem = passage_problem(top.passage)
    if problem:
        fc.problem(("passage",), problem)
    for i, source in enumerate(top.sources):
        fc.cite(("sources", i), decision_id, "source", source)

    rules: list[DecisionRule] = []
    for loc, raw, spec, rule_id in _rule_specs(fc, DecisionRuleSpec, top.rules, decision_id, {}):
        if spec.option not in options:
            fc.problem((*loc, "option"), f"{spec.option!r} is not one of [{', '.join(options)}]")
        if spec.weight == 0:
            fc.problem((*loc, "weight"), "a weight of 0 changes nothing; use a positive weight for the "
                       "option or a negative one against it")
        compiled = _condition(fc, raw, loc, SPECS_DECISION_RULES)
        names |= compiled.names
        fc.cite(loc, rule_id, "decision", decision_id)
        cite_common(fc, loc, rule_id, spec)
        templated = fc.texts((*loc, "reason"), spec.reason)
        prov = _provenance(fc, loc, rule_id, spec)
        rules.append(DecisionRule(rule_id, spec.option, spec.weight, spec.reason, tuple(spec.examples),
                                  tuple(spec.sources), compiled.check, compiled.atoms, templated, prov,
                                  spec.strength_at_most))
    return Decision(decision_id, options, rules, tuple(top.sources), top.strength.strong,
                    top.strength.moderate, option_examples, against, frozenset(field_names(names)), guards)


def _rule_specs(fc: FileCheck, cls: type[Any], raws: list[Any], prefix: str,
                taken: dict[str, int]) -> Iterator[tuple[tuple[Any, ...], Any, Any, str]]:
    """Each entry of a file's `rules` read into its spec: (location, raw, spec, rule id). An id
    used before in the file (or in `taken`: id -> line, such as the element entries) is reported."""
    seen = dict(taken)
    for i, raw in enumerate(raws):
        loc = ("rules", i)
        spec = fc.model(cls, raw, loc)
        if spec is None:
            continue
        if spec.id in seen:
            fc.problem((*loc, "id"), f"duplicate rule id {spec.id!r} (first at line {seen[spec.id]})")
        seen[spec.id] = line_of(fc.data, (*loc, "id"))
        yield loc, raw, spec, f"{prefix}/{spec.id}"


def _condition(fc: FileCheck, raw: Any, loc: tuple[Any, ...], specs: dict[str, Any]) -> Any:
    from keuzehulp.rules.conditions import Compiled

    if not isinstance(raw, dict) or raw.get("when") is None:
        return Compiled(check=lambda c: True)
    return compile_condition(raw["when"], fc.data, [*loc, "when"], fc.file, specs, fc.problems)


def _load_section(fc: FileCheck, section: str, elements: dict[str, Element]) -> None:
    top = fc.model(SectionFile, fc.data, ())
    if top is None:
        return
    for name in top.elements:
        loc = ("elements", name)
        if name not in ELEMENT_SECTIONS:
            fc.problem(loc, f"unknown element id {name!r}; known: {', '.join(ELEMENT_IDS)}")
            continue
        if ELEMENT_SECTIONS[name] != section:
            fc.problem(loc, f"element {name!r} belongs to {ELEMENT_SECTIONS[name]}, not {section}")
            continue
        spec = fc.model(ElementSpec, top.elements[name], loc)
        if spec is None:
            continue
        rule_id = f"{section}/{name}"
        fc.cite(loc, rule_id, "element", name)
        cite_common(fc, loc, rule_id, spec)
        templated = fc.texts((*loc, "reason"), spec.reason)
        prov = _provenance(fc, loc, rule_id, spec)
        elements[name] = Element(name, rule_id, spec.default, spec.reason, _actions(fc, loc, rule_id, spec.actions),
                                 tuple(spec.examples), tuple(spec.sources), templated, prov=prov)
    element_lines = {name: line_of(fc.data, ("elements", name)) for name in top.elements}
    for loc, raw, spec, rule_id in _rule_specs(fc, ElementRuleSpec, top.rules, section, element_lines):
        compiled = _condition(fc, raw, loc, SPECS_ELEMENT_RULES)
        templated = fc.texts((*loc, "reason"), spec.reason)
        if spec.element not in top.elements:
            where = f"it belongs to {ELEMENT_SECTIONS[spec.element]}" if spec.element in ELEMENT_SECTIONS \
                else f"known here: {', '.join(top.elements)}"
            fc.problem((*loc, "element"), f"unknown element {spec.element!r} in {section}; {where}")
            continue
        fc.cite((*loc, "element"), rule_id, "element", spec.element)
        cite_common(fc, loc, rule_id, spec)
        prov = _provenance(fc, loc, rule_id, spec)
        actions = _actions(fc, loc, rule_id, spec.actions)
        if spec.element in elements:
            elements[spec.element].rules.append(ElementRule(
                rule_id, spec.priority, spec.reason, actions, tuple(spec.examples),
                tuple(spec.sources), compiled.check, templated, prov))


def load_rules(directory: Path = RULES_DIR) -> RuleSet:
    """Load, check and compile every rule file; raise ContentError with all problems at once."""
    problems: list[Problem] = []
    citations: list[Citation] = []
    decisions: dict[str, Decision] = {}
    elements: dict[str, Element] = {}
    used: dict[str, list[str]] = {}
    try:
        register: Register | None = load_register()
    except ContentError:
        register = None  # `check` reports the register's own problems
    unreadable: set[str] = set()  # files that are not valid YAML: no follow-up problems for them
    declared: set[str] = set()  # element keys present in a section file (valid or not)
    paths = rule_paths(directory)
    for path in paths:
        file = display_path(path)
        data, load_problems = load_yaml_file(path)
        if load_problems:
            problems.extend(load_problems)
            unreadable.add(path.stem)
            continue
        fc = FileCheck(file, data, problems, citations)
        fc.register, fc.used = register, used
        if not isinstance(data, LineDict):
            fc.problems.append(Problem(file, 1, "a rule file is a mapping of keys (see rules/README.md)"))
            continue
        stem = path.stem
        if stem in DECISION_OPTIONS:
            decision = _load_decision(fc, stem)
            if decision:
                decisions[stem] = decision
        elif stem in SECTION_IDS:
            if isinstance(data.get("elements"), dict):
                declared.update(data["elements"])
            _load_section(fc, stem, elements)
        else:
            known = ", ".join([*DECISION_OPTIONS, *SECTION_IDS])
            problems.append(Problem(file, 1, f"unknown rule file {path.name!r}; name it after one of: {known}"))
    present = {p.stem for p in paths}
    for decision in DECISION_OPTIONS:
        if decision not in present:
            problems.append(Problem(display_path(directory / f"{decision}.yaml"), 1, "missing rule file"))
    for element, section in ELEMENT_SECTIONS.items():
        if element not in declared and section in present and section not in unreadable:
            problems.append(Problem(display_path(directory / f"{section}.yaml"), 1,
                                    f"element {element!r} has no entry"))
        elif section not in present:
            problems.append(Problem(display_path(directory / f"{section}.yaml"), 1, "missing rule file"))
    if problems:
        raise ContentError(sorted(set(problems)))
    ordered = {e: elements[e] for e in ELEMENT_IDS}
    decisions = {d: decisions[d] for d in DECISION_OPTIONS}
    count = sum(len(d.rules) for d in decisions.values()) + sum(1 + len(e.rules) for e in ordered.values())
    return RuleSet(decisions, ordered, citations, content_mark(directory), count, used, version_date(directory))


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    """The project's rules, loaded once per process."""
    return load_rules()
