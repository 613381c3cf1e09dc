import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { auditPage, auditQuery } from './contracts.js';
import { readAuditTrail } from './service.js';

export const auditHttp: HttpModule = {
  name: 'audit-log',
  routes(app) {
    app.get('/api/audit', {
      schema: { tags: ['audit'], summary: '审计日志（管辖范围内）', querystring: auditQuery, response: { 200: auditPage, 400: errorBody } },
    }, async (req) => readAuditTrail(req.ctx(), req.query));
  },
};
