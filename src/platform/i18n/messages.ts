/**
 * Every user-facing server message in both languages. Keys are namespaced by the
 * capability that owns them; modules add theirs here so translations stay reviewable in one place.
 */
export const messages = {
  // platform
  'error.internal': { zh: '服务器内部错误，请稍后重试', en: 'Internal server error, please try again later' },
  'error.not_found': { zh: '未找到请求的资源', en: 'The requested resource was not found' },
  'error.route_not_found': { zh: '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  'error.unauthenticated': { zh: '请先登录', en: 'Please sign in first' },
  'error.forbidden': { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  'error.validation': { zh: '提交的数据有误：{detail}', en: 'Invalid input: {detail}' },
  'error.malformed_json': { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  'error.body_too_large': { zh: '请求体过大（上限 {limit}）', en: 'The request body is too large (limit {limit})' },
  'error.unsupported_media_type': { zh: '不支持的内容类型：{type}', en: 'Unsupported content type: {type}' },
  'error.conflict': { zh: '数据已被修改，请刷新后重试', en: 'The data changed meanwhile; reload and try again' },
  'error.read_only': { zh: '系统正在关闭，暂不接受写入', en: 'The server is shutting down and accepts no writes' },

  // validation details (zod issue codes)
  'validation.required': { zh: '必填', en: 'is required' },
  'validation.invalid_type': { zh: '类型错误，应为{expected}', en: 'must be {expected}' },
  'validation.too_small_string': { zh: '至少 {minimum} 个字符', en: 'must have at least {minimum} characters' },
  'validation.too_big_string': { zh: '最多 {maximum} 个字符', en: 'must have at most {maximum} characters' },
  'validation.too_small_number': { zh: '不能小于 {minimum}', en: 'must be at least {minimum}' },
  'validation.too_big_number': { zh: '不能大于 {maximum}', en: 'must be at most {maximum}' },
  'validation.too_small_array': { zh: '至少 {minimum} 项', en: 'must have at least {minimum} items' },
  'validation.too_big_array': { zh: '最多 {maximum} 项', en: 'must have at most {maximum} items' },
  'validation.invalid_value': { zh: '取值无效，可选值：{options}', en: 'must be one of: {options}' },
  'validation.invalid_format': { zh: '格式不正确', en: 'has an invalid format' },
  'validation.unrecognized_keys': { zh: '不允许的字段：{keys}', en: 'unknown field(s): {keys}' },
  'validation.invalid': { zh: '取值无效', en: 'is invalid' },
  'type.string': { zh: '文本', en: 'a string' },
  'type.number': { zh: '数字', en: 'a number' },
  'type.boolean': { zh: '布尔值', en: 'a boolean' },
  'type.object': { zh: '对象', en: 'an object' },
  'type.array': { zh: '数组', en: 'an array' },

  // accounts
  'auth.bad_credentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.throttled': {
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  'auth.disabled': { zh: '该账号已停用', en: 'This account is disabled' },
  'auth.wrong_current_password': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.weak_password': {
    zh: '新密码至少 8 位，且须同时包含字母和数字',
    en: 'The new password needs at least 8 characters with letters and digits',
  },
  'auth.same_password': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'user.username_taken': { zh: '用户名“{username}”已被使用', en: 'The username "{username}" is taken' },
  'user.not_found': { zh: '用户“{username}”不存在', en: 'User "{username}" does not exist' },
  'user.cannot_disable_self': { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  'user.role_needs_org_level': {
    zh: '角色“{role}”不能设在组织“{org}”（{type}）上',
    en: 'The role "{role}" cannot be held in "{org}" ({type})',
  },

  // organizations
  'org.not_found': { zh: '党组织“{code}”不存在', en: 'Organization "{code}" does not exist' },
  'org.code_taken': { zh: '组织编码“{code}”已存在', en: 'The organization code "{code}" already exists' },
  'org.parent_not_found': { zh: '上级组织“{code}”不存在', en: 'Parent organization "{code}" does not exist' },
  'org.cycle': {
    zh: '不能把“{org}”移到它自己或其下级“{target}”之下',
    en: 'Cannot move "{org}" under itself or its descendant "{target}"',
  },
  'org.root_immutable': { zh: '县委根组织不能移动、合并或撤销', en: 'The county root organization cannot be moved, merged or dissolved' },
  'org.dissolved': { zh: '党组织“{code}”已撤销', en: 'Organization "{code}" is dissolved' },
  'org.has_active_children': {
    zh: '“{code}”下仍有 {count} 个下级组织，请先迁移或撤销',
    en: '"{code}" still has {count} sub-organizations; move or dissolve them first',
  },
  'org.merge_into_self': { zh: '不能把组织合并到自身或其下级', en: 'Cannot merge an organization into itself or its descendant' },
  'org.type_not_allowed_under': {
    zh: '{type}不能设在{parentType}之下',
    en: 'A {type} cannot be placed under a {parentType}',
  },
  'org.date_before_established': {
    zh: '日期 {date} 早于该组织成立日期 {established}',
    en: 'The date {date} is before the organization was established ({established})',
  },
  'org.date_in_future': { zh: '日期 {date} 晚于今天', en: 'The date {date} is in the future' },
  'org.has_members': {
    zh: '“{code}”仍有 {count} 名党员（含申请人），请先转出组织关系',
    en: '"{code}" still has {count} members or applicants; transfer them first',
  },
  'org.parent_inactive': { zh: '上级组织“{code}”已撤销', en: 'The parent organization "{code}" is dissolved' },
  'access.no_ability': { zh: '您的岗位没有“{ability}”权限', en: 'None of your posts allows you to {ability}' },
  'access.out_of_scope': { zh: '该组织不在您的管辖范围内', en: 'This organization is outside your scope' },
  'import.file': { zh: '{detail}', en: '{detail}' },
  'import.required': { zh: '不能为空', en: 'is required' },
  'import.bad_code': { zh: '编码“{value}”格式不正确（字母、数字或连字符，最长 40 位）', en: 'code "{value}" is malformed (letters, digits or hyphens, up to 40)' },
  'import.bad_name': { zh: '名称应为 2 至 60 个字符', en: 'the name must have 2 to 60 characters' },
  'import.unknown_type': { zh: '未知的组织类型“{value}”，可选：{options}', en: 'unknown organization type "{value}"; one of: {options}' },
  'import.unknown_unit_type': { zh: '未知的单位类型“{value}”，可选：{options}', en: 'unknown unit type "{value}"; one of: {options}' },
  'import.bad_division_code': { zh: '行政区划代码“{value}”应为 12 位数字', en: 'division code "{value}" must have 12 digits' },
  'import.duplicate_in_file': { zh: '编码“{value}”在文件中重复（第 {rows} 行）', en: 'code "{value}" appears more than once (rows {rows})' },
  'import.code_exists': { zh: '组织编码“{value}”已存在', en: 'organization code "{value}" already exists' },
  'import.parent_unknown': { zh: '上级组织“{value}”既不在文件中也不在系统中', en: 'parent "{value}" is neither in the file nor in the system' },
  'import.parent_row_invalid': { zh: '上级组织所在的第 {row} 行有误', en: 'the parent\'s row {row} has errors' },
  'import.parent_not_managed': { zh: '无权在上级组织“{value}”下新建组织', en: 'you may not add organizations under "{value}"' },
  'import.cycle': { zh: '上下级关系成环：{codes}', en: 'parent links form a cycle: {codes}' },
  'org.not_a_village': { zh: '“{code}”不是行政村党组织，不能设村民小组', en: '"{code}" does not lead a village, so it has no villager groups' },
  'org.villager_group_taken': { zh: '村民小组“{name}”已存在', en: 'The villager group "{name}" already exists' },
  'county.code_taken': { zh: '县级代码“{code}”已存在', en: 'The county code "{code}" already exists' },
  'county.not_found': { zh: '县“{code}”不存在，请先运行 grassroots init', en: 'County "{code}" does not exist; run grassroots init first' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof messages;
