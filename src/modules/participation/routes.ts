import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { flaggedQuery, flaggedView, participationQuery, participationView } from './contracts.js';
import { getFlagged, getParticipation } from './queries.js';

const tags = ['participation'];

export const participationHttp: HttpModule = {
  name: 'participation',
  routes(app) {
    app.get('/api/participation', {
      schema: { tags, summary: '党员参加组织生活情况：近几个月每月是否参会、交纳党费、履行职责', querystring: participationQuery, response: { 200: participationView, 400: errorBody, 404: errorBody } },
    }, async (req) => getParticipation(req.ctx(), req.query));

    app.get('/api/participation/flagged', {
      schema: { tags, summary: '党支部中连续 6 个月及以上未参加组织生活、未交纳党费、未履行职责的党员（提示了解情况，不自动处置）', querystring: flaggedQuery, response: { 200: flaggedView, 400: errorBody, 404: errorBody } },
    }, async (req) => getFlagged(req.ctx(), req.query.org));
  },
};
