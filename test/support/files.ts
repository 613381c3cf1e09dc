import { solidPng } from '../../src/demo/attachments.js';

/** A real 1×1 PNG, decoded by any viewer. */
export const tinyPng = () => solidPng(1, 1, [200, 30, 30]);
