/** Server messages of the screening capability (modules/rectification/screening), spread into messages.ts. */
export const screeningMessages = {
} as const satisfies Record<string, { zh: string; en: string }>;
