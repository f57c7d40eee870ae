//! One file per rule, named after the problem it finds. The registry (`src/registry.rs`) gives
//! each rule its code; the doc lives in `rules/<CODE>-<name>.md`.

mod field_support;

mod bom_hides_front_matter;
mod disallowed_field_value;
mod duplicate_key;
mod empty_field;
mod empty_file;
mod field_length;
mod field_pattern_mismatch;
mod front_matter_not_mapping;
mod implicit_yaml_type;
mod invalid_utf8;
mod missing_front_matter;
mod missing_required_field;
mod rejected_yaml_value;
mod unknown_field;
mod unreadable_file;
mod unterminated_front_matter;
pub mod unused_suppression;
mod wrong_field_type;
mod yaml_syntax_error;
mod yaml_tab_indentation;

pub use bom_hides_front_matter::BomHidesFrontMatter;
pub use disallowed_field_value::DisallowedFieldValue;
pub use duplicate_key::DuplicateKey;
pub use empty_field::EmptyField;
pub use empty_file::EmptyFile;
pub use field_length::FieldLength;
pub use field_pattern_mismatch::FieldPatternMismatch;
pub use front_matter_not_mapping::FrontMatterNotMapping;
pub use implicit_yaml_type::ImplicitYamlType;
pub use invalid_utf8::InvalidUtf8;
pub use missing_front_matter::MissingFrontMatter;
pub use missing_required_field::MissingRequiredField;
pub use rejected_yaml_value::RejectedYamlValue;
pub use unknown_field::UnknownField;
pub use unreadable_file::UnreadableFile;
pub use unterminated_front_matter::UnterminatedFrontMatter;
pub use unused_suppression::UnusedSuppression;
pub use wrong_field_type::WrongFieldType;
pub use yaml_syntax_error::YamlSyntaxError;
pub use yaml_tab_indentation::YamlTabIndentation;
