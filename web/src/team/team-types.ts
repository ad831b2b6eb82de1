// The team's shapes, as the API's document says (api/schema.d.ts, made by `npm run gen:api`).
import type { components, paths } from '../api/schema.js';

type Schemas = components['schemas'];

export type TeamSummary = Schemas['TeamSummary'];
export type TeamDetail = Schemas['Team'];
export type TeamGraph = Schemas['TeamGraph'];
export type Consent = Schemas['TeamConsent'];
export type Preview = Schemas['TeamPreview'];
export type TeamCheck = Schemas['TeamCheck'];
/** One finding of the team's check (a broker, a single point of failure …): the same shape in every part. */
export type Finding = TeamCheck['brokers']['findings'][number];
export type Why = Finding['why'];
export type TeamGoal = Schemas['TeamGoal'];
export type IntroRequest = Schemas['IntroductionRequest'];
/** One way to someone through a teammate: GET /api/teams/{id}/paths. */
export type IntroPath = paths['/api/teams/{id}/paths']['get']['responses'][200]['content']['application/json'][number];
