//! Working relationships the monitoring rests on: `district_lead_missing` (a district whose
//! communes are monitored has no Standing Committee member in charge, under the district-lead
//! scheme the monitoring scheme names).
//!
//! Topic: working relationships.

use crate::engine::{Ctx, Draft};
use crate::finding::Code;
use crate::messages::{Args, Key};
use crate::period::{self, Period};
use crate::profile::{Derivation, Scheme};
use std::collections::BTreeMap;

/// Districts with monitored communes and no one in charge under the district-lead scheme the
/// monitoring scheme names.
pub(super) fn district_leads(ctx: &mut Ctx<'_, '_>, scheme: &Scheme) {
    let index = ctx.index;
    for rel in &scheme.relationships {
        let c = &rel.counterpart.value;
        let (Some(Derivation::TargetDistrictLead), Some(via)) = (c.derived, c.via_scheme.as_ref())
        else {
            continue;
        };
        let mut need: BTreeMap<String, Vec<Period>> = BTreeMap::new();
        for (target, list) in index.targets(&scheme.id) {
            for a in list {
                if a.period().is_inverted() {
                    continue;
                }
                for p in ctx.reach(target, &a.period()) {
                    if let Some(d) = index.district_of(target, Some(p.from)) {
                        need.entry(d.code.as_str().to_owned()).or_default().push(p);
                    }
                }
            }
        }
        for (district, periods) in need {
            let have: Vec<Period> = index
                .assignments_of_target(via, &district)
                .iter()
                .map(|a| a.period())
                .collect();
            let mut missing: Vec<Period> = Vec::new();
            for p in period::union(&periods) {
                missing.extend(period::gaps_within(&p, &have));
            }
            for gap in missing {
                ctx.push(
                    Draft::new(Code::DistrictLeadMissing, "unit", &district)
                        .period(gap)
                        .rests_on(scheme, "relationships", &rel.counterpart)
                        .say(
                            Key::DistrictLeadMissing,
                            Args::new()
                                .unit("district", index, &district, Some(gap.from))
                                .span("span", gap),
                        )
                        .detail("scheme", via.clone())
                        .detail("monitoring_scheme", scheme.id.clone()),
                );
            }
        }
    }
}
