/** Strings of the screening pages. */
export const screeningZh = {
};

export const screeningEn: Record<keyof typeof screeningZh, string> = {
};
