// French labels of the analysis categories: the same words as the PDF reports (reports/vocabulary.ts).
export { FACTOR_LABEL, QUADRANT, SWOT_LABEL } from '../../../reports/vocabulary';
