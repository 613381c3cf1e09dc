/** Strings of the commitments pages. */
export const commitmentsZh = {
};

export const commitmentsEn: Record<keyof typeof commitmentsZh, string> = {
};
