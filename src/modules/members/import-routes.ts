import { and, eq } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { TableFileError } from '../../platform/files/table-file.js';
import type { HttpModule } from '../../platform/http/app-types.js';
import { errorBody } from '../../platform/http/contracts.js';
import { contentDisposition } from '../../platform/http/download.js';
import { importBody } from '../organizations/contracts.js';
import { rootOrg } from '../organizations/county.js';
import { organizations } from '../organizations/schema.js';
import { memberImportReport } from './import-contracts.js';
import { importMembers, readMemberFile } from './import.js';
import { memberImportTemplate } from './import-template.js';

const tags = ['members'];

export const membersImportHttp: HttpModule = {
  name: 'members-import',
  routes(app) {
    app.get('/api/members/import-template', {
      schema: { tags, summary: '下载党员信息导入模板（xlsx）' },
    }, async (req, reply) => {
      const ctx = req.ctx();
      const post = postsWith(ctx.actor, 'member.manage')[0];
      if (!post) throw forbidden();
      const root = await rootOrg(ctx.db, ctx.actor.countyId);
      // The examples name the user's own organization, so that a secretary's file is right as it is.
      const [own] = await ctx.db.select({ code: organizations.code }).from(organizations).where(and(eq(organizations.countyId, ctx.actor.countyId), eq(organizations.id, post.orgId)));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('党员信息导入模板.xlsx'))
        .send(await memberImportTemplate(root!.code, own?.code ?? root!.code));
    });

    app.post('/api/members/import', {
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags, summary: '导入党员信息（先校验；commit 为 true 且没有错误时全部写入）', body: importBody,
        response: { 200: memberImportReport, 400: errorBody, 403: errorBody },
      },
    }, async (req) => {
      const ctx = req.ctx();
      if (postsWith(ctx.actor, 'member.manage').length === 0) throw forbidden();
      const file = await readMemberFile(Buffer.from(req.body.content, 'base64'), req.body.fileName).catch((error: unknown) => {
        if (error instanceof TableFileError) throw new AppError(400, `file_${error.code}`, 'import.file', { detail: error.detail[req.lang] });
        throw error;
      });
      const report = await importMembers(ctx, file, { commit: req.body.commit, lang: req.lang, fileName: req.body.fileName });
      return { ...report, format: file.format, encoding: file.encoding ?? null };
    });
  },
};
