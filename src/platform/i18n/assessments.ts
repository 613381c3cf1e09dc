/** Server messages of the assessments capability (modules/assessments), spread into messages.ts. */
export const assessmentsMessages = {
} as const satisfies Record<string, { zh: string; en: string }>;
