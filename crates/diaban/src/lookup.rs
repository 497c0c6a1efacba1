//! Finding people and places by what a person types: an id, or a name.
//!
//! `diaban history --target`, `diaban relations --person` and the bindings' point queries take
//! either. The rule, the same in every front end:
//!
//! 1. an exact id (a person id, a unit code, an organisation id, or the subject or target of
//!    an assignment) is that record;
//! 2. otherwise the text is compared with every name after [`name_key`]: case, spacing, the
//!    placement of the tone mark ("Hòa"/"Hoà", "Thủy"/"Thuỷ") and the i/y spelling of a
//!    syllable made of h, k, l, m, s or t and i/y alone ("Sĩ"/"Sỹ", "Kì"/"Kỳ", "Lí"/"Lý") do
//!    not matter; the tones and the other marks do ("Hoa" is not "Hòa"). A place also answers
//!    to its name without its type ("Vi Hương" for "Xã Vi Hương");
//! 3. one record bearing the name is the answer; several give
//!    [`Error::AmbiguousName`](crate::Error::AmbiguousName) (code `ambiguous_name`) listing
//!    them; none gives [`Error::NotFound`](crate::Error::NotFound) (code `not_found`).

use crate::collate::cmp_vi;
use crate::error::{Error, NameCandidate, Result};
use crate::index::Index;
use crate::model::UnitType;

/// The initial consonants after which a syllable may be written with i or y alike
/// (sĩ/sỹ, kì/kỳ, lí/lý, mĩ/mỹ, hi/hy, ti/ty): Vietnamese spelling allows both only there.
const I_OR_Y_AFTER: [char; 6] = ['h', 'k', 'l', 'm', 's', 't'];

/// True for the combining marks of decomposed Vietnamese text (tones, circumflex, breve, horn).
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// The key two spellings of one name share: [`crate::words::fold`] (case, spacing, tone
/// placement), then "y" written "i" in a syllable made of h, k, l, m, s or t and i/y alone.
///
/// ```
/// use diaban::lookup::name_key;
/// assert_eq!(name_key("Hà Sỹ Thắng"), name_key("hà sĩ thắng"));
/// assert_eq!(name_key("Hoà Mục"), name_key("Hòa Mục"));
/// assert_ne!(name_key("Thy"), name_key("Thi")); // "th" is not "t": two names
/// assert_ne!(name_key("Hoa"), name_key("Hòa"));
/// ```
#[must_use]
pub fn name_key(text: &str) -> String {
    let folded = crate::words::fold(text);
    let mut out = String::with_capacity(folded.len());
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        let letters: Vec<char> = word.iter().copied().filter(|c| !is_mark(*c)).collect();
        let swap = matches!(letters.as_slice(), [first, 'y'] if I_OR_Y_AFTER.contains(first));
        for c in word.drain(..) {
            out.push(if swap && c == 'y' { 'i' } else { c });
        }
    };
    for c in folded.chars() {
        if c.is_alphabetic() || is_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// `name` without a leading type word ("Xã Vi Hương" → "Vi Hương"), if it has it.
fn without_type<'a>(name: &'a str, type_word: &str) -> Option<&'a str> {
    let rest = name.strip_prefix(type_word)?;
    let rest = rest.strip_prefix(' ')?;
    (!rest.trim().is_empty()).then_some(rest)
}

impl<'d> Index<'d> {
    /// True when `id` is the id of a person, an organisation, or the subject of an assignment.
    fn is_subject_id(&self, id: &str) -> bool {
        !self.posts(id).is_empty()
            || self.organization(id).is_some()
            || self
                .schemes()
                .any(|s| !self.assignments_of_subject(s, id).is_empty())
    }

    /// True when `id` is a unit code, an organisation id, or the target of an assignment.
    fn is_target_id(&self, id: &str) -> bool {
        !self.unit_versions(id).is_empty()
            || self.organization(id).is_some()
            || self
                .schemes()
                .any(|s| !self.assignments_of_target(s, id).is_empty())
    }

    fn organization_candidate(&self, o: &crate::model::Organization) -> NameCandidate {
        NameCandidate {
            id: o.id.as_str().to_owned(),
            name: o.name.as_str().to_owned(),
            unit: o
                .unit_code
                .as_deref()
                .and_then(|c| self.unit_near(c, None))
                .map(|u| u.name.as_str().to_owned()),
        }
    }

    /// The person (or organisation, as the subject of assignments) that `text` names: an id,
    /// or a name (see the module's rule).
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// let index = diaban::Index::new(&ds);
    /// assert_eq!(index.find_person("hà sĩ thắng").unwrap(), "p-ha-sy-thang");
    /// assert_eq!(index.find_person("nobody").unwrap_err().code(), "not_found");
    /// ```
    pub fn find_person(&self, text: &str) -> Result<String> {
        let text = text.trim();
        if self.is_subject_id(text) {
            return Ok(text.to_owned());
        }
        let key = name_key(text);
        let mut found: Vec<NameCandidate> = Vec::new();
        for p in &self.dataset.people {
            if found.iter().any(|c| c.id == p.id) || name_key(&p.name) != key {
                continue;
            }
            let latest = self.posts(&p.id).last().copied().unwrap_or(p);
            found.push(NameCandidate {
                id: p.id.as_str().to_owned(),
                name: p.name.as_str().to_owned(),
                unit: self
                    .organization(&latest.organization_id)
                    .map(|o| o.name.as_str().to_owned()),
            });
        }
        for o in &self.dataset.organizations {
            if !found.iter().any(|c| c.id == o.id) && name_key(&o.name) == key {
                found.push(self.organization_candidate(o));
            }
        }
        one("person", text, found)
    }

    /// The unit or organisation (as the target of assignments) that `text` names: an id, or a
    /// name, with or without the unit's type (see the module's rule).
    ///
    /// ```
    /// let ds = diaban::Dataset::demo();
    /// let index = diaban::Index::new(&ds);
    /// assert_eq!(index.find_target("01954").unwrap(), "01954");
    /// assert_eq!(index.find_target("thị trấn vân tùng").unwrap(), "01954");
    /// assert_eq!(index.find_target("99999").unwrap_err().code(), "not_found");
    /// ```
    pub fn find_target(&self, text: &str) -> Result<String> {
        let text = text.trim();
        if self.is_target_id(text) {
            return Ok(text.to_owned());
        }
        let key = name_key(text);
        let mut found: Vec<NameCandidate> = Vec::new();
        for u in &self.dataset.units {
            if found.iter().any(|c| c.id == u.code) {
                continue;
            }
            // The recorded type first, then any type word ("Thành phố Hà Nội" is of type
            // "Thành phố Trung ương").
            let bare = without_type(&u.name, u.unit_type.as_str()).or_else(|| {
                UnitType::ALL
                    .iter()
                    .find_map(|t| without_type(&u.name, t.as_str()))
            });
            if name_key(&u.name) == key || bare.is_some_and(|b| name_key(b) == key) {
                found.push(NameCandidate {
                    id: u.code.as_str().to_owned(),
                    name: u.name.as_str().to_owned(),
                    unit: u
                        .parent_code
                        .as_deref()
                        .and_then(|c| self.unit_near(c, u.valid_from))
                        .map(|p| p.name.as_str().to_owned()),
                });
            }
        }
        for o in &self.dataset.organizations {
            if !found.iter().any(|c| c.id == o.id) && name_key(&o.name) == key {
                found.push(self.organization_candidate(o));
            }
        }
        one("target", text, found)
    }
}

/// The one record found, or the error saying there are none or several.
fn one(argument: &str, text: &str, mut found: Vec<NameCandidate>) -> Result<String> {
    match found.len() {
        0 => Err(Error::NotFound {
            argument: argument.to_owned(),
            text: text.to_owned(),
        }),
        1 => Ok(found.swap_remove(0).id),
        _ => {
            found.sort_by(|a, b| cmp_vi(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
            Err(Error::AmbiguousName {
                argument: argument.to_owned(),
                text: text.to_owned(),
                candidates: found,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::model::Dataset;

    const PEOPLE: &str = "id,name,title,organization_id,rank,valid_from,valid_to\n\
        p-1,Nguyễn Văn Hòa,Giám đốc Sở Y tế,so-y-te,head,,\n\
        p-2,Nguyễn Văn Hoà,Phó Giám đốc Sở Tài chính,so-tai-chinh,deputy,,\n\
        p-3,Lý Thị Mỹ,Trưởng ban,ban-noi-chinh,head,,\n\
        p-4,Hoàng Thy,Phó Trưởng ban,ban-noi-chinh,deputy,,\n";
    const ORGS: &str = "id,name,kind,level,unit_code,parent_id\n\
        so-y-te,Sở Y tế,department,province,,\n\
        so-tai-chinh,Sở Tài chính,department,province,,\n\
        ban-noi-chinh,Ban Nội chính Tỉnh ủy,party_board,province,,\n";
    const UNITS: &str = "code,name,type,parent_code,valid_from,valid_to\n\
        06,Tỉnh Bắc Kạn,Tỉnh,,,\n\
        062,Huyện Ngân Sơn,Huyện,06,,\n\
        063,Huyện Bạch Thông,Huyện,06,,\n\
        01975,Xã Vi Hương,Xã,063,,\n\
        01900,Xã Thượng Quan,Xã,062,,\n\
        01990,Xã Thượng Quan,Xã,063,,\n";

    fn dataset() -> Dataset {
        Dataset::from_csv_texts([
            ("units.csv", UNITS),
            ("organizations.csv", ORGS),
            ("people.csv", PEOPLE),
        ])
        .unwrap()
    }

    #[test]
    fn the_key_folds_only_spellings_of_one_name() {
        assert_eq!(name_key("Sỹ"), name_key("sĩ"));
        assert_eq!(name_key("Kỳ Lý Mỹ Hy Ty"), name_key("kì lí mĩ hi ti"));
        assert_eq!(name_key("Thuỷ"), name_key("Thủy"));
        // Not a bare i/y syllable after h, k, l, m, s, t: two different names.
        assert_ne!(name_key("Thy"), name_key("Thi"));
        assert_ne!(name_key("Khy"), name_key("Khi"));
        assert_ne!(name_key("Duy"), name_key("Dui"));
        assert_ne!(name_key("Sy"), name_key("Sỹ"));
        assert_ne!(name_key("Sử"), name_key("Sỹ"));
    }

    #[test]
    fn an_id_is_found_before_any_name() {
        let ds = dataset();
        let index = Index::new(&ds);
        assert_eq!(index.find_person("p-3").unwrap(), "p-3");
        assert_eq!(index.find_target("01975").unwrap(), "01975");
        assert_eq!(index.find_target(" 01975 ").unwrap(), "01975");
    }

    #[test]
    fn a_name_is_found_whatever_its_spelling() {
        let ds = dataset();
        let index = Index::new(&ds);
        assert_eq!(index.find_person("LÝ THỊ MĨ").unwrap(), "p-3");
        assert_eq!(index.find_person("lí  thị mỹ").unwrap(), "p-3");
        assert_eq!(index.find_target("xã vi hương").unwrap(), "01975");
        assert_eq!(index.find_target("Vi Hương").unwrap(), "01975");
        assert_eq!(index.find_target("Bạch Thông").unwrap(), "063");
        assert_eq!(index.find_target("sở y tế").unwrap(), "so-y-te");
    }

    #[test]
    fn namesakes_are_listed_with_their_ids_and_units() {
        let ds = dataset();
        let index = Index::new(&ds);
        let err = index.find_target("Thượng Quan").unwrap_err();
        assert_eq!(err.code(), "ambiguous_name");
        let Error::AmbiguousName { candidates, .. } = &err else {
            unreachable!("ambiguous_name is AmbiguousName")
        };
        let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["01900", "01990"]);
        assert_eq!(candidates[0].unit.as_deref(), Some("Huyện Ngân Sơn"));
        let text = err.to_string();
        assert!(
            text.contains("Xã Thượng Quan (01990, Huyện Bạch Thông)"),
            "{text}"
        );
        // Hòa and Hoà are one name spelt two ways: two people bear it.
        let err = index.find_person("nguyễn văn hoà").unwrap_err();
        assert_eq!(err.code(), "ambiguous_name");
        assert!(err.to_string().contains("Sở Tài chính"));
    }

    #[test]
    fn an_unknown_text_is_an_error() {
        let ds = dataset();
        let index = Index::new(&ds);
        for text in ["99999", "Vi Huong", "Hoàng Thi", ""] {
            let err = index.find_target(text).unwrap_err();
            assert_eq!(err.code(), "not_found", "{text}");
        }
        assert_eq!(
            index.find_person("Hoàng Thi").unwrap_err().code(),
            "not_found"
        );
        assert_eq!(index.find_person("Hoàng Thy").unwrap(), "p-4");
    }
}
