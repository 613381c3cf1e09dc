/** What a parser of the rules answers: the value, or a reason code the caller turns into a message. */
export type Parsed<T, Reason extends string> = { ok: true; value: T } | { ok: false; reason: Reason };

export const accept = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refuse = <Reason extends string>(reason: Reason): { ok: false; reason: Reason } => ({ ok: false, reason });
