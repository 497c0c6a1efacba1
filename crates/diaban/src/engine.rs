//! The engine every rule family writes through: the state of one check ([`Ctx`]), a finding in
//! the making ([`Draft`]) and how it becomes a [`Finding`] ([`finish`]: severity from the
//! registry, lowered to a warning when the parameter it rests on is assumed; the basis from the
//! parameter's provenance), the bilingual text of a span of days, and the scope predicates the
//! rules and the queries share, and the questions every rule family asks of the context (which
//! days it judges for a target). The rules themselves live in `rules/`, one file per family;
//! none of them imports another.

use crate::finding::{Code, Finding, Lang, Severity, SubjectRef};
use crate::index::Index;
use crate::messages::{Args, Key};
use crate::period::Period;
use crate::profile::{Profile, Scheme, SubjectKind, TargetKind};
use crate::roles::{Jurisdiction, Roles, Unresolved};
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// The state of one check: what rules read and where they write.
pub(crate) struct Ctx<'a, 'd> {
    pub(crate) index: &'a Index<'d>,
    pub(crate) profile: &'a Profile,
    /// The profile's roles, resolved in this dataset.
    pub(crate) roles: Roles<'a, 'd>,
    /// Where and when the regulation applies: rules judge only the days
    /// [`Jurisdiction::judges`] (or, for rules about days before it took effect,
    /// [`Jurisdiction::reach_days`]).
    pub(crate) jurisdiction: Jurisdiction,
    /// Roles the rules could not resolve, with the first reason given (reported once per role
    /// by the `roles` family, after the other rules).
    pub(crate) unresolved: std::collections::BTreeMap<crate::profile::Role, Unresolved>,
    /// The days rules look at: the `at` day (or all days) up to the end of the regulation's
    /// life; `None` when that leaves no day.
    pub(crate) scope: Option<Period>,
    /// The judged day: `today`, else `at` (see [`CheckOptions::judged_day`]).
    pub(crate) judged: Option<NaiveDate>,
    pub(crate) findings: Vec<Finding>,
}

/// A finding from its draft: severity from the registry, lowered to a warning when the rule
/// rests on an assumed parameter (unless the parameter sets its own severity); the basis from
/// the parameter's provenance; an article only where the regulation's numbering is known.
pub(crate) fn finish(profile: &Profile, d: Draft) -> Finding {
    use crate::finding::{Basis, Source};
    let (from, to) = match d.period {
        Some(p) => (p.start(), p.to),
        None => (None, None),
    };
    let rule = d.code.rule();
    let numbered = profile.regulation.numbering != Source::Assumed;
    let (mut vi, mut en) = match &d.msg {
        Some((key, args)) => (args.render(*key, Lang::Vi), args.render(*key, Lang::En)),
        None => (String::new(), String::new()),
    };
    let cite = |article: Option<String>| match (article, d.also_cites.clone()) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    };
    let (basis, severity) = match d.param {
        Some(p) => {
            let article = d.instrument.or(p.instrument).or_else(|| {
                if numbered {
                    profile.cite(p.article.as_deref())
                } else {
                    None
                }
            });
            let severity = match (p.severity, p.source) {
                (Some(s), _) => s,
                (None, Source::Assumed) if rule.severity == Severity::Error => Severity::Warning,
                (None, _) => rule.severity,
            };
            if p.source == Source::Assumed {
                // A number is worth saying; a structured value stays in the basis.
                let number = p.value.parse::<u64>().ok();
                // A number of days says its unit.
                let days = p.name.ends_with("_days");
                let note = |lang: Lang, label: &str| {
                    let args = Args::new().text("parameter", label);
                    match number {
                        Some(n) if days => {
                            let count = crate::messages::Arg::Count(n).render(lang);
                            let value = Key::Days.phrase(lang, &[("count", &count)]);
                            args.text("value", value)
                                .render(Key::AssumedParameter, lang)
                        }
                        Some(n) => args.count("value", n).render(Key::AssumedParameter, lang),
                        None => args.render(Key::AssumedParameterNoValue, lang),
                    }
                };
                vi.push(' ');
                vi.push_str(&note(Lang::Vi, &p.label_vi));
                en.push(' ');
                en.push_str(&note(Lang::En, &p.label_en));
            }
            (
                Basis {
                    source: p.source,
                    article: cite(article),
                    topic_vi: rule.topic_vi.to_owned(),
                    topic_en: rule.topic_en.to_owned(),
                    parameter: Some(p.name),
                    value: Some(p.value),
                },
                severity,
            )
        }
        None => (
            Basis {
                source: Source::Seed,
                article: cite(d.instrument),
                topic_vi: rule.topic_vi.to_owned(),
                topic_en: rule.topic_en.to_owned(),
                parameter: None,
                value: None,
            },
            rule.severity,
        ),
    };
    if let Some((_, args)) = &d.msg {
        vi.push_str(&args.ids_bracket(Lang::Vi));
        en.push_str(&args.ids_bracket(Lang::En));
    }
    Finding {
        code: d.code,
        severity,
        message_vi: vi,
        message_en: en,
        subject: SubjectRef {
            kind: d.kind,
            id: d.id,
        },
        from,
        to,
        article: basis.article.clone(),
        basis,
        details: d.details,
    }
}

/// The parameter a finding rests on, as the rule names it.
pub(crate) struct ParamRef {
    /// `scheme.parameter` (or `regulation.parameter`).
    pub(crate) name: String,
    pub(crate) source: crate::finding::Source,
    pub(crate) article: Option<String>,
    pub(crate) value: String,
    pub(crate) severity: Option<Severity>,
    /// The scheme's own instrument, when it is not the profile's regulation.
    pub(crate) instrument: Option<String>,
    /// How the text calls the parameter, per language (from the catalogue).
    pub(crate) label_vi: String,
    pub(crate) label_en: String,
}

impl ParamRef {
    /// A parameter of a scheme.
    pub(crate) fn of<T: serde::Serialize>(
        scheme: &Scheme,
        name: &str,
        param: &crate::profile::Param<T>,
    ) -> ParamRef {
        ParamRef::build(
            Some(scheme),
            name,
            param.source,
            param.article.clone(),
            serde_json::to_string(&param.value).unwrap_or_default(),
            param.severity,
        )
    }

    /// A parameter as the profile's walk over its parameters lists it.
    pub(crate) fn of_site(site: &crate::profile::ParamSite<'_>) -> ParamRef {
        ParamRef::build(
            site.scheme,
            &site.name,
            site.source,
            site.article.map(str::to_owned),
            site.value.clone(),
            site.severity,
        )
    }

    /// A parameter of `scheme` (of the profile itself when `None`) named `name` there.
    pub(crate) fn build(
        scheme: Option<&Scheme>,
        name: &str,
        source: crate::finding::Source,
        article: Option<String>,
        value: String,
        severity: Option<Severity>,
    ) -> ParamRef {
        // A duty's yearly minimum is called by the duty's activity ("dự hội nghị cấp ủy").
        let duty = name
            .strip_prefix("duties.")
            .and_then(|rest| rest.split('.').next())
            .and_then(|id| scheme?.duties.iter().find(|d| d.id == id))
            .map(|d| {
                (
                    crate::words::label_vi(d.activity_kind),
                    crate::messages::label_en(d.activity_kind),
                )
            });
        let duty = duty.as_ref().map(|(vi, en)| (*vi, en.as_str()));
        ParamRef {
            label_vi: crate::messages::parameter_label(name, duty, Lang::Vi),
            label_en: crate::messages::parameter_label(name, duty, Lang::En),
            name: scheme.map_or_else(|| name.to_owned(), |s| format!("{}.{name}", s.id)),
            source,
            article,
            value,
            severity,
            instrument: scheme.and_then(|scheme| scheme.basis.clone()),
        }
    }
}

/// A finding under construction. Its severity and basis are not chosen here: [`finish`]
/// takes them from the registry ([`Code::rule`]) and the parameter the finding rests on.
pub(crate) struct Draft {
    pub(crate) code: Code,
    pub(crate) kind: &'static str,
    pub(crate) id: String,
    pub(crate) period: Option<Period>,
    pub(crate) param: Option<ParamRef>,
    pub(crate) instrument: Option<String>,
    /// A further legal basis cited after the article (a reorganisation that explains the
    /// finding).
    pub(crate) also_cites: Option<String>,
    /// The message: a key of the catalogue and its values.
    pub(crate) msg: Option<(Key, Args)>,
    pub(crate) details: Map<String, Value>,
}

impl Draft {
    pub(crate) fn new(code: Code, kind: &'static str, id: &str) -> Draft {
        Draft {
            code,
            kind,
            id: id.to_owned(),
            period: None,
            param: None,
            instrument: None,
            also_cites: None,
            msg: None,
            details: Map::new(),
        }
    }
    pub(crate) fn period(mut self, p: Period) -> Draft {
        self.period = Some(p);
        self
    }
    /// The scheme parameter the finding rests on (its provenance decides the basis and, for an
    /// assumed parameter, the severity).
    pub(crate) fn rests_on<T: serde::Serialize>(
        mut self,
        scheme: &Scheme,
        name: &str,
        param: &crate::profile::Param<T>,
    ) -> Draft {
        self.param = Some(ParamRef::of(scheme, name, param));
        self
    }
    /// The parameter, already described.
    pub(crate) fn rests_on_ref(mut self, param: ParamRef) -> Draft {
        self.param = Some(param);
        self
    }
    /// A legal instrument other than the profile's regulation (a reorganisation resolution,
    /// a national standard): cited as the finding's article.
    pub(crate) fn instrument(mut self, a: Option<String>) -> Draft {
        self.instrument = a;
        self
    }
    /// A reorganisation that explains the finding (it starts on the reorganisation's effective
    /// day): its legal basis is cited after the article, and the details name the reorganised
    /// unit and the basis.
    pub(crate) fn cites_reform(self, reform: Option<(String, String)>) -> Draft {
        let Some((unit, basis)) = reform else {
            return self;
        };
        let mut d = self
            .detail("reorganized_unit", unit)
            .detail("reorganization_basis", basis.clone());
        d.also_cites = Some(basis);
        d
    }
    /// The message: a template of the catalogue and the values of its placeholders. The
    /// subject's id opens the trailing bracket of ids.
    pub(crate) fn say(mut self, key: Key, args: Args) -> Draft {
        debug_assert_eq!(
            key.code(),
            Some(self.code),
            "{key:?} is not a message of {}",
            self.code
        );
        let args = Args::new().id(self.id.clone()).merge(args);
        self.msg = Some((key, args));
        self
    }
    pub(crate) fn detail(mut self, key: &str, value: impl Into<Value>) -> Draft {
        self.details.insert(key.to_owned(), value.into());
        self
    }
}

impl<'a, 'd> Ctx<'a, 'd> {
    /// Adds a finding: see [`finish`].
    pub(crate) fn push(&mut self, d: Draft) {
        let f = finish(self.profile, d);
        self.findings.push(f);
    }

    /// A context over the same dataset, profile and days, with no findings yet and roles of
    /// its own (roles are resolved lazily and cached, so a context is not shared between threads).
    pub(crate) fn fork(&self) -> Ctx<'a, 'd> {
        Ctx {
            index: self.index,
            profile: self.profile,
            roles: Roles::new(self.index, self.profile),
            jurisdiction: self.jurisdiction.clone(),
            unresolved: std::collections::BTreeMap::new(),
            scope: self.scope,
            judged: self.judged,
            findings: Vec::new(),
        }
    }

    /// Records a role that cannot be resolved; the caller skips its rule. The `roles` rule
    /// family reports each role once. A role may fail for different reasons on different days
    /// (several candidates one day, no term the next): one reason is kept, the same whatever
    /// the order of the records (the first in text order), so findings do not depend on it.
    pub(crate) fn role_unresolved(&mut self, u: &Unresolved) {
        match self.unresolved.entry(u.role) {
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(u.clone());
            }
            std::collections::btree_map::Entry::Occupied(mut e) => {
                if (&u.why_en, &u.why_vi) < (&e.get().why_en, &e.get().why_vi) {
                    e.insert(u.clone());
                }
            }
        }
    }

    /// The unit an assignment's target lies in: the unit itself, or an organisation's unit.
    pub(crate) fn target_unit(&self, target: &str) -> Option<String> {
        unit_of_target(self.index, target)
    }

    /// The parts of `p` (inside the check's scope, up to the end of the regulation's life) on
    /// which the target lies in the territory.
    pub(crate) fn reach(&self, target: &str, p: &Period) -> Vec<Period> {
        let Some(p) = self.clip(p) else {
            return Vec::new();
        };
        let code = self.target_unit(target).unwrap_or_default();
        self.jurisdiction.reach_days(self.index, &code, &p)
    }

    /// The parts of `p` the regulation judges for the target (life and territory), inside the
    /// check's scope.
    pub(crate) fn judged_days(&self, target: &str, p: &Period) -> Vec<Period> {
        let Some(p) = self.clip(p) else {
            return Vec::new();
        };
        let code = self.target_unit(target).unwrap_or_default();
        self.jurisdiction.judged_days(self.index, &code, &p)
    }

    /// The parts of `p` inside the check's scope.
    pub(crate) fn clip(&self, p: &Period) -> Option<Period> {
        p.intersect(self.scope.as_ref()?)
    }

    /// The days a subject qualifies for a scheme.
    pub(crate) fn qualifying(&self, scheme: &Scheme, subject: &str) -> Vec<Period> {
        qualifying_periods(self.index, scheme, subject)
    }

    /// The days on which a scheme's cardinality and record rules judge anything, inside the
    /// check's scope: the regulation's time in force for a scheme made under it; for an older
    /// scheme, every day up to the end of the regulation's life.
    /// (Territory is applied per target by [`Ctx::scheme_target_days`].)
    pub(crate) fn scheme_days(&self, scheme: &Scheme) -> Option<Period> {
        let life = self.profile.in_force();
        let days = if scheme.under_regulation.value {
            life
        } else {
            Period {
                from: NaiveDate::MIN,
                to: life.to,
            }
        };
        self.clip(&days)
    }

    /// The parts of `p` a scheme's record rules judge for `target`: inside the regulation's
    /// life and territory ([`Ctx::judged_days`]) for a scheme made under the regulation; for an
    /// older scheme, also the days before the regulation took effect ([`Ctx::reach`]).
    pub(crate) fn scheme_target_days(
        &self,
        scheme: &Scheme,
        target: &str,
        p: &Period,
    ) -> Vec<Period> {
        if scheme.under_regulation.value {
            self.judged_days(target, p)
        } else {
            self.reach(target, p)
        }
    }
}

/// The unit code an organisation belongs to: its own, or its nearest parent's.
pub(crate) fn unit_of_organization<'d>(index: &Index<'d>, id: &str) -> Option<&'d str> {
    let mut org = index.organization(id)?;
    for _ in 0..8 {
        if let Some(code) = &org.unit_code {
            return Some(code.as_str());
        }
        org = index.organization(org.parent_id.as_deref()?)?;
    }
    None
}

/// The unit a target lies in: the unit itself (a code with a version in the dataset), or an
/// organisation's unit.
pub(crate) fn unit_of_target(index: &Index<'_>, target: &str) -> Option<String> {
    if !index.unit_versions(target).is_empty() {
        return Some(target.to_owned());
    }
    unit_of_organization(index, target).map(str::to_owned)
}

/// The days a subject qualifies for a scheme: posts of a qualifying rank in a qualifying
/// organisation (person), or the organisation's own days.
pub(crate) fn qualifying_periods(index: &Index<'_>, scheme: &Scheme, subject: &str) -> Vec<Period> {
    let rule = &scheme.subject.value;
    let org_ok = |o: &crate::model::Organization| {
        (rule.organization_kinds.is_empty() || rule.organization_kinds.contains(&o.kind))
            && (rule.levels.is_empty() || rule.levels.contains(&o.level))
    };
    match rule.kind {
        SubjectKind::Person => index
            .posts(subject)
            .iter()
            .filter(|post| rule.ranks.is_empty() || rule.ranks.contains(&post.rank))
            .filter_map(|post| {
                let org = index.organization(&post.organization_id)?;
                org_ok(org)
                    .then(|| post.validity().intersect(&org.validity()))
                    .flatten()
            })
            .collect(),
        SubjectKind::Organization => index
            .organization(subject)
            .filter(|o| org_ok(o))
            .map(|o| vec![o.validity()])
            .unwrap_or_default(),
    }
}

pub(crate) fn unit_in_scope(scheme: &Scheme, u: &crate::model::Unit) -> bool {
    let rule = &scheme.target.value;
    rule.kind == TargetKind::Unit
        && (rule.unit_levels.is_empty() || rule.unit_levels.contains(&u.level()))
        && (rule.unit_types.is_empty() || rule.unit_types.contains(&u.unit_type))
}
