export { NextReviewCell } from './NextReviewCell';
export { ReviewCadencePanel } from './ReviewCadencePanel';
