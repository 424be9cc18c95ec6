// SurveyIngest: see DESIGN.md §3 for what this module owns.
