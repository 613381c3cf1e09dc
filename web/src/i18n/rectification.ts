/** Strings of the rectification pages. */
export const rectificationZh = {
};

export const rectificationEn: Record<keyof typeof rectificationZh, string> = {
};
