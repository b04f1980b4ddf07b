// Public surface of the knowledge module: data types, loading, plans and lookups (no bot SDK here).
export * from './knowledge.schema';
export { KnowledgeError, type KnowledgeIssue } from './knowledge.error';
export {
  loadKnowledge,
  getKnowledge,
  knowledgeSummary,
  type KnowledgeSummary,
} from './knowledge.loader';
export { describeCondition, evaluateCondition } from './condition.query';
export {
  planFor,
  formatPorts,
  FEATURE_OPTIONS,
  type FeatureOption,
  substituteRegion,
  type Plan,
  type PlanRule,
  type PlanStep,
  type PlanConflict,
  type PlanPosition,
  type ConflictRef,
} from './plan.query';
export {
  findByPort,
  findByEndpoint,
  findByKeyword,
  findByError,
  scenarioById,
  ruleById,
  stepById,
  conflictById,
  errorById,
  listScenarios,
  ruleLabel,
  normalizeEndpoint,
  type HitKind,
  type LookupHit,
} from './lookup.query';
export { suggestRegions, resolveRegion, normalizeRegion } from './region.query';
