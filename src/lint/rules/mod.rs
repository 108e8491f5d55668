//! Every rule, one per file, grouped in folders; [`RULES`] is the registry: the only list of
//! codes, in code order.

pub mod activation;
pub mod content;
pub mod decision;
pub mod file;
pub mod frontmatter;
pub mod links;
pub mod meta;
pub mod package;
pub mod plugin;
pub mod repository;
pub mod sections;
pub mod security;
pub mod structure;

use super::rule::Rule;

/// Every rule, in code order. Codes and names are stable: never renumber or rename one.
pub static RULES: &[&dyn Rule] = &[
    &file::io_error::IoError,
    &file::invalid_encoding::InvalidEncoding,
    &file::utf8_bom::Utf8Bom,
    &file::skill_file_name::SkillFileName,
    &file::frontmatter_missing::FrontmatterMissing,
    &file::frontmatter_unclosed::FrontmatterUnclosed,
    &file::yaml_syntax::YamlSyntax,
    &file::frontmatter_not_mapping::FrontmatterNotMapping,
    &file::duplicate_key::DuplicateKey,
    &file::limit_reached::LimitReached,
    &file::flow_style::FlowStyle,
    &file::missing_final_newline::MissingFinalNewline,
    &file::mixed_line_endings::MixedLineEndings,
    &file::special_file::SpecialFile,
    &package::package_unreadable::PackageUnreadable,
    &package::package_layout::PackageLayout,
    &package::package_skill_file::PackageSkillFile,
    &package::package_unsafe_path::PackageUnsafePath,
    &package::package_symlink::PackageSymlink,
    &package::package_too_large::PackageTooLarge,
    &package::package_limits::PackageLimits,
    &package::package_folder_name::PackageFolderName,
    &package::package_junk::PackageJunk,
    &frontmatter::unknown_key::UnknownKey,
    &frontmatter::name_missing::NameMissing,
    &frontmatter::name_invalid::NameInvalid,
    &frontmatter::name_dir_mismatch::NameDirMismatch,
    &frontmatter::name_ascii::NameNotAscii,
    &frontmatter::name_reserved_word::NameReservedWord,
    &frontmatter::name_vague::NameVague,
    &frontmatter::description_missing::DescriptionMissing,
    &frontmatter::description_too_long::DescriptionTooLong,
    &frontmatter::listing_entry_too_long::ListingEntryTooLong,
    &frontmatter::description_person::DescriptionPerson,
    &frontmatter::compatibility_too_long::CompatibilityTooLong,
    &frontmatter::metadata_not_map::MetadataNotMap,
    &frontmatter::allowed_tools_form::AllowedToolsForm,
    &frontmatter::field_type::FieldTypeRule,
    &frontmatter::version_top_level::VersionTopLevel,
    &frontmatter::scalar_not_string::ScalarNotString,
    &frontmatter::xml_in_frontmatter::XmlInFrontmatter,
    &frontmatter::metadata_nested_value::MetadataNestedValue,
    &frontmatter::model_unknown::ModelUnknown,
    &frontmatter::agent_without_fork::AgentWithoutFork,
    &frontmatter::never_invocable::NeverInvocable,
    &frontmatter::arguments_unused::ArgumentsUnused,
    &frontmatter::hooks_shape::HooksShape,
    &activation::description_no_trigger::DescriptionNoTrigger,
    &activation::no_activation_criteria::NoActivationCriteria,
    &activation::user_invoked_without_key::UserInvokedWithoutKey,
    &activation::eval_queries_invalid::EvalQueriesInvalid,
    &activation::evals_invalid::EvalsInvalid,
    &activation::few_trigger_queries::FewTriggerQueries,
    &file::spec_not_rendered::SpecNotRendered,
    &structure::empty_body::EmptyBody,
    &structure::body_too_long::BodyTooLong,
    &structure::heading_level_jump::HeadingLevelJump,
    &structure::duplicate_heading::DuplicateHeading,
    &structure::unclosed_code_fence::UnclosedCodeFence,
    &structure::table_cell_count::TableCellCount,
    &structure::table_empty_row::TableEmptyRow,
    &structure::table_no_data::TableNoData,
    &structure::unbalanced_tag::UnbalancedTag,
    &links::link_target_missing::LinkTargetMissing,
    &links::link_outside_skill::LinkOutsideSkill,
    &links::nested_reference::NestedReference,
    &links::backslash_path::BackslashPath,
    &links::absolute_path::AbsolutePath,
    &links::reference_without_toc::ReferenceWithoutToc,
    &links::unreferenced_file::UnreferencedFile,
    &links::base_dir_placeholder::BaseDirPlaceholder,
    &decision::missing_when_to_use::MissingWhenToUse,
    &decision::missing_scope::MissingScope,
    &decision::missing_decision_table::MissingDecisionTable,
    &decision::missing_decision_flow::MissingDecisionFlow,
    &decision::missing_trade_offs::MissingTradeOffs,
    &decision::missing_red_flags::MissingRedFlags,
    &decision::red_flag_without_alternative::RedFlagWithoutAlternative,
    &decision::missing_green_lights::MissingGreenLights,
    &decision::missing_examples::MissingExamples,
    &decision::too_few_test_cases::TooFewTestCases,
    &decision::vague_advice::VagueAdvice,
    &sections::missing_required_section::MissingRequiredSection,
    &sections::section_lacks_content::SectionLacksContent,
    &sections::section_too_few_items::SectionTooFewItems,
    &sections::section_out_of_order::SectionOutOfOrder,
    &repository::duplicate_name::DuplicateName,
    &repository::listing_budget::ListingBudget,
    &repository::competing_skills::CompetingSkills,
    &repository::near_identical_bodies::NearIdenticalBodies,
    &plugin::manifest_json::ManifestJson,
    &plugin::manifest_field::ManifestField,
    &plugin::manifest_path_missing::ManifestPathMissing,
    &plugin::duplicate_plugin::DuplicatePlugin,
    &plugin::plugin_without_skills::PluginWithoutSkills,
    &plugin::command_shadowed::CommandShadowed,
    &plugin::reserved_folder_name::ReservedFolderName,
    &plugin::confusable_name::ConfusableName,
    &content::placeholder::Placeholder,
    &content::secret::Secret,
    &content::time_sensitive::TimeSensitive,
    &content::dollar_argument::DollarArgument,
    &security::hidden_unicode::HiddenUnicode,
    &security::zero_width::ZeroWidth,
    &security::hidden_instruction::HiddenInstruction,
    &security::load_time_command::LoadTimeCommand,
    &security::load_time_command_risk::LoadTimeCommandRisk,
    &security::encoded_payload::EncodedPayload,
    &security::unmentioned_executable::UnmentionedExecutable,
    &security::unscoped_shell::UnscopedShell,
    &security::unknown_tool::UnknownTool,
    &security::model_invocable_side_effect::ModelInvocableSideEffect,
    &meta::unused_suppression::UnusedSuppression,
    &meta::invalid_suppression::InvalidSuppression,
];

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn codes_and_names_are_unique_ordered_and_documented() {
        let mut codes: Vec<&str> = RULES.iter().map(|r| r.meta().code).collect();
        let sorted = {
            let mut c = codes.clone();
            c.sort();
            c
        };
        assert_eq!(codes, sorted, "RULES must be in code order");
        codes.dedup();
        assert_eq!(codes.len(), RULES.len(), "duplicate code");
        let mut names: Vec<&str> = RULES.iter().map(|r| r.meta().name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "duplicate name");
        for rule in RULES {
            let meta = rule.meta();
            assert!(meta.code.len() == 5 && meta.code.starts_with("SK"), "{}", meta.code);
            assert!(
                meta.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                meta.name
            );
            let doc = meta.documentation();
            for heading in ["## What it does", "## Why is this bad?", "## Example"] {
                assert!(doc.contains(heading), "{} lacks `{heading}`", meta.code);
            }
            assert!(doc.contains("**Level.**"), "{} does not say why it has its level", meta.code);
        }
    }
}
