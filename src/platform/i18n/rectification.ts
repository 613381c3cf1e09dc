/** Server messages of the rectification capability (modules/rectification), spread into messages.ts. */
export const rectificationMessages = {
} as const satisfies Record<string, { zh: string; en: string }>;
