//! Bodies the profile names by role that the dataset lacks: `role_unresolved`, one warning per
//! role, naming why. The rules that need a role record it in the context
//! ([`Ctx::role_unresolved`](crate::engine::Ctx::role_unresolved)) and skip; this family
//! reports them after every other rule has run.
//!
//! Topic: the bodies the regulation names.

use crate::engine::{Ctx, Draft};
use crate::finding::{Code, Lang};
use crate::messages::{role_label, Args, Key};

/// One finding per role some rule could not resolve (the first reason recorded).
pub(super) fn unresolved(ctx: &mut Ctx<'_, '_>) {
    let profile_id = ctx.profile.id.clone();
    let roles = std::mem::take(&mut ctx.unresolved);
    for u in roles.into_values() {
        let role = u.role.as_str();
        ctx.push(
            Draft::new(Code::RoleUnresolved, "profile", &profile_id)
                .say(
                    Key::RoleUnresolved,
                    Args::new()
                        .words(
                            "role",
                            role_label(u.role, Lang::Vi),
                            role_label(u.role, Lang::En),
                        )
                        .words("why", u.why_vi, u.why_en),
                )
                .detail("role", role),
        );
    }
}
