import { invalid } from '../../../platform/errors.js';
import { textDocx } from '../../../platform/files/docx.js';
import type { HttpModule } from '../../../platform/http/app-types.js';
import { errorBody } from '../../../platform/http/contracts.js';
import { contentDisposition } from '../../../platform/http/download.js';
import { basicSituation } from './basic-situation.js';
import { basicSituationBody, basicSituationQuery, statisticsBody, statisticsQuery } from './contracts.js';
import { parseAgeEdges } from './rules.js';
import { memberStatistics } from './service.js';

const tags = ['statistics'];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

/** Party statistics of a subtree and the "basic situation" paragraph written from them. */
export const statisticsHttp: HttpModule = {
  name: 'statistics',
  routes(app) {
    app.get('/api/statistics/members', {
      schema: { tags, summary: '党员统计（任一组织、任一日期）', querystring: statisticsQuery, response: { 200: statisticsBody, ...errors } },
    }, async (req) => {
      const { org, asOf, ageBands } = req.query;
      let ageEdges: number[] | undefined;
      if (ageBands !== undefined) {
        ageEdges = parseAgeEdges(ageBands) ?? undefined;
        if (!ageEdges) throw invalid('statistics.bad_age_edges', { value: ageBands }, [{ path: 'ageBands', key: 'statistics.bad_age_edges', params: { value: ageBands } }]);
      }
      return memberStatistics(req.ctx(), { orgCode: org, asOf, ageEdges, lang: req.lang });
    });

    app.get('/api/statistics/basic-situation', {
      schema: { tags, summary: '基本情况段落', querystring: basicSituationQuery, response: { 200: basicSituationBody, ...errors } },
    }, async (req) => {
      const lang = req.query.lang ?? req.lang;
      const s = await memberStatistics(req.ctx(), { orgCode: req.query.org, asOf: req.query.asOf, lang });
      return { org: { code: s.org.code, name: s.org.name }, asOf: s.asOf, lang, text: basicSituation(s, lang) };
    });

    app.get('/api/statistics/basic-situation.docx', {
      schema: { tags, summary: '基本情况段落（Word 文档）', querystring: basicSituationQuery },
    }, async (req, reply) => {
      const lang = req.query.lang ?? req.lang;
      const s = await memberStatistics(req.ctx(), { orgCode: req.query.org, asOf: req.query.asOf, lang });
      const title = lang === 'zh' ? `${s.org.name}基本情况` : `${s.org.name}: basic situation`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(`${title}（${s.asOf}）.docx`))
        .send(await textDocx(title, [basicSituation(s, lang)]));
    });
  },
};
