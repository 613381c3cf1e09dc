import { t, type Lang, type MessageKey, type Params } from '../i18n/index.js';

/** A zod issue as fastify-type-provider-zod hands it over in `error.validation`. */
export interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const typeNames: Record<string, MessageKey> = {
  string: 'type.string',
  number: 'type.number',
  int: 'type.number',
  boolean: 'type.boolean',
  object: 'type.object',
  array: 'type.array',
};

/** Renders one issue in the caller's language; our own refinement messages (Chinese) pass through for zh. */
export function issueMessage(lang: Lang, item: ValidationItem): string {
  const p = item.params ?? {};
  const origin = String(p.origin ?? '');
  const kind = origin === 'string' ? 'string' : origin === 'array' || origin === 'set' ? 'array' : 'number';
  const render = (key: MessageKey, params: Params = {}) => t(lang, key, params);
  switch (item.keyword) {
    case 'invalid_type':
      if (p.input === undefined && String(item.message ?? '').includes('undefined')) return render('validation.required');
      return render('validation.invalid_type', { expected: render(typeNames[String(p.expected)] ?? 'type.string') });
    case 'too_small':
      return render(`validation.too_small_${kind}` as MessageKey, { minimum: String(p.minimum) });
    case 'too_big':
      return render(`validation.too_big_${kind}` as MessageKey, { maximum: String(p.maximum) });
    case 'invalid_value':
      return render('validation.invalid_value', { options: ((p.values as unknown[]) ?? []).join(lang === 'zh' ? '、' : ', ') });
    case 'unrecognized_keys':
      return render('validation.unrecognized_keys', { keys: ((p.keys as unknown[]) ?? []).join(', ') });
    case 'invalid_format':
      return lang === 'zh' && item.message && /[\u4e00-\u9fff]/.test(item.message) ? item.message : render('validation.invalid_format');
    case 'custom':
      return lang === 'zh' && item.message ? item.message : render('validation.invalid');
    default:
      return render('validation.invalid');
  }
}

/** "body.parentCode" from the request part and the issue path. */
export function issuePath(context: string | undefined, instancePath: string): string {
  const rest = instancePath.split('/').filter(Boolean).join('.');
  return [context, rest].filter(Boolean).join('.');
}
