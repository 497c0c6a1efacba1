//! Bodies the profile names by role that the dataset lacks: `role_unresolved`, one warning per
//! role, naming why. The rules that need a role record it in the context
//! ([`Ctx::role_unresolved`](crate::engine::Ctx::role_unresolved)) and skip; this family
//! reports them after every other rule has run.
//!
//! Topic: the bodies the regulation names.

use crate::engine::{Ctx, Draft};
use crate::finding::Code;

/// One finding per role some rule could not resolve (the first reason recorded).
pub(super) fn unresolved(ctx: &mut Ctx<'_, '_>) {
    let profile_id = ctx.profile.id.clone();
    let roles = std::mem::take(&mut ctx.unresolved);
    for u in roles.into_values() {
        let role = u.role.as_str();
        ctx.push(
            Draft::new(Code::RoleUnresolved, "profile", &profile_id)
                .say(
                    format!("Không xác định được `{role}` trong dữ liệu: {}. Các quy tắc cần đến nó được bỏ qua.", u.why_vi),
                    format!("The role `{role}` cannot be resolved in the dataset: {}. The rules that need it are skipped.", u.why_en),
                )
                .detail("role", role),
        );
    }
}
