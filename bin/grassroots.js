#!/usr/bin/env node
// The compiled CLI; `npm install` builds it through the `prepare` script.
import('../dist/cli/main.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('grassroots: 尚未构建，请先运行 npm install（或 npm run build）。');
    process.exit(1);
  }
  throw error;
});
