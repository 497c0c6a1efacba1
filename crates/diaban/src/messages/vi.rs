//! The Vietnamese catalogue: for each finding code its title and hint, and its messages. A
//! value in braces is filled by the rule (see the module's documentation); the ids of the
//! records follow the sentence in a bracket, written by the engine, never here.

use super::{CodeText, Key};
use crate::finding::Code;
use crate::profile::Role;

pub(super) const fn code(code: Code) -> CodeText {
    let (title, hint) = match code {
        Code::DuplicateId => (
            "Mã bản ghi bị trùng",
            "Đặt cho mỗi bản ghi một mã riêng, hoặc xóa bản ghi nhập hai lần.",
        ),
        Code::UnknownReference => (
            "Tham chiếu tới bản ghi không có trong dữ liệu",
            "Sửa mã cho đúng, hoặc bổ sung bản ghi được nhắc tới.",
        ),
        Code::InvalidPeriod => (
            "Thời hạn kết thúc trước khi bắt đầu",
            "Kiểm tra lại ngày bắt đầu và ngày kết thúc của bản ghi.",
        ),
        Code::UnitCodeOverlap => (
            "Một mã đơn vị có hai phiên bản cùng hiệu lực",
            "Ghi ngày kết thúc cho phiên bản cũ của đơn vị trước ngày phiên bản mới có hiệu lực.",
        ),
        Code::UnitNotInForce => (
            "Đơn vị được theo dõi không còn hoặc chưa tồn tại",
            "Kết thúc phân công vào ngày đơn vị thôi tồn tại, hoặc phân công theo dõi đơn vị mới.",
        ),
        Code::CoverageGap => (
            "Đơn vị không có người theo dõi",
            "Phân công cán bộ theo dõi cho những ngày còn trống, hoặc bổ sung quyết định phân công chưa nhập.",
        ),
        Code::CoverageOverlap => (
            "Đơn vị có nhiều người theo dõi hơn mức cho phép",
            "Ghi ngày kết thúc cho phân công cũ khi phân công người mới.",
        ),
        Code::AssigneeOverloaded => (
            "Cán bộ được giao nhiều địa bàn hơn mức cho phép",
            "Điều chỉnh phân công để mỗi cán bộ chỉ theo dõi số địa bàn quy định.",
        ),
        Code::IneligibleAssignee => (
            "Người được phân công không giữ chức vụ đủ điều kiện",
            "Kiểm tra chức vụ của cán bộ trong thời gian được phân công; nếu cán bộ đã thôi chức vụ, phân công người khác.",
        ),
        Code::OutsideTerm => (
            "Phân công ngoài nhiệm kỳ đại hội",
            "Ghi đúng nhiệm kỳ của phân công, hoặc kết thúc phân công khi hết nhiệm kỳ.",
        ),
        Code::OutsideRegulation => (
            "Phân công trước khi quy định có hiệu lực",
            "Kiểm tra ngày bắt đầu của phân công.",
        ),
        Code::OpenAfterReorganization => (
            "Hồ sơ còn gắn với đơn vị đã được sắp xếp",
            "Kết thúc bản ghi vào ngày trước khi sắp xếp và lập phân công cho đơn vị mới.",
        ),
        Code::ActivityOutsideAssignment => (
            "Hoạt động ngoài địa bàn được phân công",
            "Kiểm tra người thực hiện, địa bàn và ngày của hoạt động.",
        ),
        Code::DutyFrequencyUnmet => (
            "Chưa thực hiện đủ số lần nhiệm vụ trong năm",
            "Nhắc cán bộ thực hiện đủ nhiệm vụ, hoặc bổ sung các hoạt động đã làm nhưng chưa nhập.",
        ),
        Code::EvaluationMissing => (
            "Thiếu bản đánh giá hằng năm",
            "Đề nghị cấp ủy cơ sở gửi bản đánh giá, hoặc nhập bản đánh giá đã nhận.",
        ),
        Code::EvaluationLate => (
            "Bản đánh giá gửi quá hạn",
            "Nhắc cấp ủy cơ sở gửi bản đánh giá đúng hạn.",
        ),
        Code::EvaluationWrongAuthor => (
            "Bản đánh giá không do cơ quan có thẩm quyền viết",
            "Kiểm tra cơ quan viết bản đánh giá; nếu nhập nhầm, sửa lại cho đúng.",
        ),
        Code::EvaluationDuplicate => (
            "Hai bản đánh giá cho cùng một năm",
            "Giữ một bản đánh giá cho mỗi năm, xóa bản nhập thừa.",
        ),
        Code::DistrictLeadMissing => (
            "Huyện không có Ủy viên Ban Thường vụ phụ trách",
            "Phân công Ủy viên Ban Thường vụ phụ trách huyện, hoặc nhập quyết định phân công đã có.",
        ),
        Code::UnfulfilledNotReplaced => (
            "Cán bộ không hoàn thành nhiệm vụ chưa được thay",
            "Xem xét thay cán bộ theo dõi, hoặc nhập quyết định thay đã có.",
        ),
        Code::TargetOutOfScope => (
            "Địa bàn ngoài phạm vi áp dụng",
            "Kiểm tra địa bàn và hình thức phân công của bản ghi.",
        ),
        Code::NtmStatusInvalid => (
            "Trạng thái nông thôn mới không hợp lệ",
            "Kiểm tra loại đơn vị, mức đạt chuẩn và số tiêu chí đã đạt.",
        ),
        Code::RoleUnresolved => (
            "Không xác định được cơ quan mà quy định nêu",
            "Bổ sung cơ quan đó vào dữ liệu, hoặc chỉ rõ mã của cơ quan trong hồ sơ quy định.",
        ),
        Code::NotCoveredByRegulation => (
            "Hồ sơ ngoài phạm vi hoặc thời gian hiệu lực của quy định",
            "Chỉ để biết: quy định không xét những ngày này.",
        ),
        Code::CoverageEnding => (
            "Chưa ghi người theo dõi sau ngày đang xét",
            "Chuẩn bị phân công người theo dõi cho những ngày sắp tới.",
        ),
        Code::AssignmentDuplicated => (
            "Phân công bị ghi hai lần",
            "Giữ một bản ghi phân công, xóa bản ghi trùng.",
        ),
        Code::ActingTooLong => (
            "Kiêm nhiệm tạm thời quá thời hạn",
            "Ban hành quyết định phân công chính thức, hoặc kết thúc phân công tạm thời.",
        ),
    };
    CodeText { title, hint }
}

pub(super) fn message(key: Key) -> &'static str {
    match key {
        Key::DuplicateId => "Có {count} bản ghi {kind} cùng dùng một mã.",
        Key::UnknownReference => {
            "{record} ghi {field} có mã “{value}”, nhưng dữ liệu không có mã này."
        }
        Key::InvalidPeriod => "{record} có ngày kết thúc {to} trước ngày bắt đầu {from}.",
        Key::UnitCodeOverlap => {
            "Hai phiên bản của cùng một mã đơn vị cùng có hiệu lực {span}: mỗi mã chỉ ứng với một đơn vị tại một thời điểm."
        }
        Key::UnitNotInForce => {
            "{subject} được phân công theo dõi {target} {span}, khi đơn vị này không còn (hoặc chưa) tồn tại."
        }
        Key::CoverageGapUnassigned => {
            "{target} không có người được phân công theo dõi ({scheme}) {span}."
        }
        Key::CoverageGapIneligible => {
            "{target} không có người đủ điều kiện theo dõi ({scheme}) {span}: người được phân công không giữ chức vụ đủ điều kiện."
        }
        Key::CoverageEnding => {
            "{target}: dữ liệu chưa ghi người được phân công theo dõi ({scheme}) {span}, sau ngày xét hạn."
        }
        Key::CoverageOverlap => {
            "{target} có {count} người được phân công theo dõi cùng lúc {span} ({people}), vượt mức {max}."
        }
        Key::AssigneeOverloaded => {
            "{subject} được giao theo dõi {count} địa bàn cùng lúc {span} ({targets}), vượt mức {max}."
        }
        Key::AssignmentDuplicated => {
            "Việc phân công {subject} theo dõi {target} được ghi hai lần {span}: hai bản ghi trùng nhau về người và địa bàn."
        }
        Key::ActingTooLong => {
            "Việc phân công tạm thời {subject} theo dõi {target} kéo dài quá {max_days} ngày {span}: những ngày này được tính như phân công chính thức."
        }
        Key::IneligibleAssignee => {
            "{subject} không giữ chức vụ đủ điều kiện {span} (cần: {wanted})."
        }
        Key::OutsideTermOtherBody => {
            "Việc phân công {subject} theo dõi {target} ghi theo nhiệm kỳ “{term}” của {recorded_body}, nhưng phải theo nhiệm kỳ của {body}."
        }
        Key::OutsideTermDays => {
            "Việc phân công {subject} theo dõi {target} kéo dài ngoài nhiệm kỳ đại hội của {body} ({span})."
        }
        Key::OutsideTermCutShort => {
            "Việc phân công {subject} theo dõi {target} theo nhiệm kỳ “{term}” còn kéo dài {span}, sau khi {unit} được sắp xếp từ ngày {effective}: nhiệm kỳ đã kết thúc sớm vào ngày {ended}."
        }
        Key::OutsideRegulation => {
            "Việc phân công {subject} theo dõi {target} bắt đầu trước khi Quy định {number} có hiệu lực ({span})."
        }
        Key::NotCoveredByRegulation => {
            "Việc phân công {subject} theo dõi {target} có những ngày ({span}) không thuộc phạm vi hay thời gian hiệu lực của Quy định {number}: không quy định nào trong hồ sơ này xét những ngày đó."
        }
        Key::TargetOutOfScope => {
            "{target} ({target_kind}) không thuộc phạm vi của hình thức phân công “{scheme}” {span}."
        }
        Key::OpenAfterReorganization => {
            "{record} vẫn gắn với {unit} {span}, trong khi đơn vị này đã được sắp xếp từ ngày {effective} (đơn vị mới: {successors}); bản ghi lẽ ra phải kết thúc vào ngày {ended}."
        }
        Key::OpenAfterReorganizationAssignment => {
            "Việc phân công {subject} theo dõi {target} vẫn kéo dài {span}, trong khi đơn vị này đã được sắp xếp từ ngày {effective} (đơn vị mới: {successors}). Cần kết thúc phân công vào ngày {ended} với lý do “sắp xếp đơn vị hành chính”."
        }
        Key::ActivityOutsideAssignment => {
            "Hoạt động “{kind}” ngày {date} của {subject} tại {target} không thuộc phân công nào đang có hiệu lực của người (cơ quan) này."
        }
        Key::DutyFrequencyUnmet => {
            "Năm {year}: {subject} mới có {done} lần {kind} tại {target}, yêu cầu {required} lần ({per_year} lần/năm, tính theo {days}/{days_in_year} ngày được xét)."
        }
        Key::EvaluationMissing => {
            "Chưa có bản đánh giá năm {year} đối với {subject} về việc theo dõi {target} ({span}); hạn gửi ngày {due}."
        }
        Key::EvaluationLate => {
            "Bản đánh giá năm {year} đối với {subject} về việc theo dõi {target} gửi ngày {sent}, quá hạn {due} ({days} ngày)."
        }
        Key::EvaluationWrongAuthor => {
            "Bản đánh giá năm {year} đối với {subject} về việc theo dõi {target} do {author} viết; theo quy định phải do {expected} viết."
        }
        Key::EvaluationWrongAuthorSuccessor => {
            "Bản đánh giá năm {year} đối với {subject} về việc theo dõi {target} do {author} viết; theo quy định phải do {expected} (hoặc, sau sắp xếp, {also}) viết."
        }
        Key::EvaluationDuplicate => {
            "Việc theo dõi {target} của {subject} đã có bản đánh giá năm {year}; bản này là bản thứ hai."
        }
        Key::UnfulfilledNotReplaced => {
            "{subject} bị đánh giá không hoàn thành nhiệm vụ theo dõi {target} (ngày {rated}) nhưng vẫn được phân công {span}, quá {days} ngày."
        }
        Key::DistrictLeadMissing => {
            "{district} không có Ủy viên Ban Thường vụ phụ trách {span}, trong khi các xã của huyện đang có cán bộ theo dõi."
        }
        Key::NtmNotCommune => {
            "{unit} là {unit_type}, không phải xã: tiêu chí nông thôn mới chỉ áp dụng cho xã (năm {year})."
        }
        Key::NtmTooManyCriteria => {
            "Năm {year}, {unit} được ghi {met} tiêu chí đạt, vượt quá {total} tiêu chí của bộ tiêu chí quốc gia."
        }
        Key::NtmTooFewCriteria => {
            "Năm {year}, {unit} được ghi là “{status}” nhưng mới đạt {met}/{total} tiêu chí."
        }
        Key::RoleUnresolved => {
            "Không xác định được {role} trong dữ liệu: {why}. Các quy tắc cần đến cơ quan này được bỏ qua."
        }
        Key::AssumedParameter => "(Căn cứ tham số giả định: {parameter} là {value}; cần tỉnh xác nhận.)",
        Key::AssumedParameterNoValue => "(Căn cứ tham số giả định về {parameter}; cần tỉnh xác nhận.)",
        Key::Person => "đồng chí {name}",
        Key::UnknownPerson => "người mang mã “{id}”",
        Key::UnknownOrganization => "cơ quan mang mã “{id}”",
        Key::UnknownUnit => "đơn vị mã {code}",
        Key::MoreItems => "{count} mục khác",
        Key::And => "và",
        Key::Ids => "[mã: {ids}]",
        Key::MoreIds => ", … và {count} mã khác",
        Key::DutyMinimum => "số lần tối thiểu mỗi năm của nhiệm vụ “{duty}”",
        Key::Days => "{count} ngày",
    }
}

pub(super) fn parameter(name: &str) -> Option<&'static str> {
    Some(match name {
        "subject" => "chức vụ của người được phân công",
        "per_subject" => "số địa bàn tối đa của một người",
        "per_target" => "số người theo dõi một địa bàn",
        "target" => "phạm vi địa bàn được phân công",
        "term_body" => "nhiệm kỳ mà phân công theo",
        "under_regulation" => "ngày quy định bắt đầu áp dụng",
        "acting_max_days" => "thời gian phân công tạm thời tối đa",
        "relationships" => "quan hệ công tác",
        "coverage" => "thời gian mọi địa bàn phải có người theo dõi",
        "evaluation.due" => "hạn gửi bản đánh giá",
        "evaluation.author" => "cơ quan viết bản đánh giá",
        "evaluation.replace_within_days" => "thời hạn thay cán bộ không hoàn thành nhiệm vụ",
        "evaluation.min_days_in_year" => {
            "số ngày theo dõi tối thiểu trong năm để phải có bản đánh giá"
        }
        "eligible_tenure" => {
            "việc chỉ tính người theo dõi trong thời gian giữ chức vụ đủ điều kiện"
        }
        "ntm_criteria.count" => "số tiêu chí của bộ tiêu chí quốc gia về xã nông thôn mới",
        _ => return None,
    })
}

pub(super) fn role(role: Role) -> &'static str {
    match role {
        Role::Issuer => "cơ quan ban hành quy định (tỉnh ủy)",
        Role::IssuerStandingCommittee => "Ban Thường vụ Tỉnh ủy",
        Role::TargetPartyCommittee => "đảng ủy của đơn vị được theo dõi",
        Role::TargetDistrictPartyCommittee => "huyện ủy của đơn vị được theo dõi",
        Role::TargetDistrictLead => "Ủy viên Ban Thường vụ phụ trách huyện",
        Role::SubjectAgency => "cơ quan của cán bộ được phân công",
    }
}

pub(super) fn kind(kind: &str) -> &'static str {
    match kind {
        "unit" => "đơn vị",
        "organization" => "cơ quan, tổ chức",
        "person" => "cán bộ",
        "post" => "chức vụ",
        "term" => "nhiệm kỳ",
        "assignment" => "phân công",
        "activity" => "hoạt động",
        "evaluation" => "bản đánh giá",
        "scheme" => "hình thức phân công",
        "reorganization" => "sắp xếp đơn vị",
        "ntm_status" => "kết quả nông thôn mới",
        "profile" => "hồ sơ quy định",
        "contribution" => "đóng góp",
        _ => "bản ghi",
    }
}

pub(super) fn field(field: &str) -> &'static str {
    match field {
        "parent_code" => "đơn vị cấp trên",
        "unit_code" => "đơn vị",
        "parent_id" => "tổ chức cấp trên",
        "organization_id" => "cơ quan, tổ chức",
        "scheme" => "hình thức phân công",
        "subject_id" => "người (cơ quan) thực hiện",
        "target" => "địa bàn",
        "term_id" => "nhiệm kỳ",
        "replaces" => "phân công được thay thế",
        "recipient" => "nơi nhận",
        "assignment_id" => "phân công được đánh giá",
        "author_id" => "cơ quan viết bản đánh giá",
        _ => "một trường",
    }
}
