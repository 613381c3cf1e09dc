/** Strings shared by the forms that write a person (new applicant, arrival, record correction). */
export const personFormsZh = {
  'personForm.existing': '查看已登记的{name}（{org}）',
};

export const personFormsEn: Record<keyof typeof personFormsZh, string> = {
  'personForm.existing': 'Open {name} ({org}), already registered',
};
