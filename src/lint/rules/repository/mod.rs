//! Rules across all skills of a run.

use std::collections::BTreeMap;

use crate::discover::InstallUnit;
use crate::lint::SkillSummary;

/// `SK602` `competing-skills`: Two skills' listing entries compete for the same requests.
pub mod competing_skills;
/// `SK600` `duplicate-name`: Two skills share a name.
pub mod duplicate_name;
/// `SK601` `listing-budget`: All descriptions together exceed the skill listing budget.
pub mod listing_budget;
/// `SK603` `near-identical-bodies`: Two skills' bodies are near-identical (a template copy).
pub mod near_identical_bodies;

/// The indices of `skills` grouped by install unit, units in order, indices ascending.
fn by_unit(skills: &[SkillSummary]) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<&InstallUnit, Vec<usize>> = BTreeMap::new();
    for (index, skill) in skills.iter().enumerate() {
        groups.entry(skill.placement.unit.as_ref()).or_default().push(index);
    }
    groups.into_values().collect()
}
