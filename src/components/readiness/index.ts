export { ChecklistEditor } from './ChecklistEditor';
export { OwnershipProblems } from './OwnershipProblems';
export { ReadinessPanel } from './ReadinessPanel';
export { ReadinessSection } from './ReadinessSection';
