/**
 * The configured catalog of goal categories and the goals each offers (the WRPD "Goal Category"
 * and "Goal" drop-downs). Codes, not labels: a label can be reworded without touching the data.
 */
export const GOAL_CATALOG: Readonly<Record<string, readonly string[]>> = {
  employment: ['obtain_employment', 'increase_income', 'career_advancement', 'retain_employment'],
  education: ['obtain_ged', 'complete_training', 'obtain_credential', 'improve_english'],
  housing: ['obtain_permanent_housing', 'maintain_housing', 'improve_housing_conditions'],
  financial: ['create_budget', 'reduce_debt', 'build_savings', 'improve_credit'],
  health: ['obtain_health_insurance', 'access_medical_care', 'access_mental_health_care'],
  childcare: ['obtain_childcare', 'enroll_children_in_school'],
  transportation: ['obtain_drivers_license', 'obtain_reliable_transportation'],
  legal: ['resolve_legal_issue', 'obtain_documents'],
};

export const goalCategories = Object.keys(GOAL_CATALOG) as [string, ...string[]];

export const isCatalogGoal = (category: string, goal: string) =>
  GOAL_CATALOG[category]?.includes(goal) ?? false;
