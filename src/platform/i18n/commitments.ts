/** Server messages of the commitments capability (modules/commitments), spread into messages.ts. */
export const commitmentsMessages = {
} as const satisfies Record<string, { zh: string; en: string }>;
