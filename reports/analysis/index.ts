export { computePoleResults, DEFAULT_MIN_GROUP_SIZE, DISSENSUS_THRESHOLD, type PoleResultsInput, type SubmittedResponse, type ParticipationCount } from './pole-results.ts';
export { scoreRespondent, itemScore } from './scoring.ts';
export { DEFAULT_THRESHOLDS, swotCategory } from './swot.ts';
export { groupColleges, MERGED_GROUP_ID, MERGED_GROUP_LABEL, type CollegeGroup, type CollegeGrouping } from './groups.ts';
