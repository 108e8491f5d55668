//! Running a decision spec's logic.
