/** Strings of the assessments pages. */
export const assessmentsZh = {
};

export const assessmentsEn: Record<keyof typeof assessmentsZh, string> = {
};
