/**
 * Chinese person names and place names for demo data. Surnames are weighted roughly by their
 * frequency in the population (per 10,000, 2020 census order); given names follow gender and
 * generation; place names are composed from common elements and kept unique within a county.
 */
import { Random, weightedPicker, type WeightedEntries } from './random.js';

export const SURNAMES: WeightedEntries<string> = [
  ['王', 720], ['李', 710], ['张', 686], ['刘', 542], ['陈', 463], ['杨', 328], ['黄', 248], ['赵', 226],
  ['吴', 209], ['周', 205], ['徐', 167], ['孙', 154], ['马', 148], ['朱', 141], ['胡', 137], ['郭', 136],
  ['何', 128], ['高', 124], ['林', 123], ['罗', 119], ['郑', 108], ['梁', 105], ['谢', 87], ['宋', 83],
  ['唐', 81], ['许', 76], ['韩', 75], ['冯', 74], ['邓', 73], ['曹', 71], ['彭', 68], ['曾', 65],
  ['肖', 63], ['田', 62], ['董', 60], ['袁', 57], ['潘', 56], ['于', 55], ['蒋', 54], ['蔡', 53],
  ['余', 52], ['杜', 51], ['叶', 50], ['程', 49], ['苏', 47], ['魏', 46], ['吕', 45], ['丁', 44],
  ['任', 43], ['沈', 42], ['姚', 41], ['卢', 40], ['姜', 39], ['崔', 38], ['钟', 37], ['谭', 36],
  ['陆', 35], ['汪', 34], ['范', 33], ['金', 32], ['石', 31], ['廖', 30], ['贾', 29], ['夏', 28],
  ['韦', 27], ['付', 26], ['方', 25], ['白', 24], ['邹', 23], ['孟', 22], ['熊', 21], ['秦', 20],
  ['邱', 20], ['江', 19], ['尹', 19], ['薛', 18], ['闫', 18], ['段', 17], ['雷', 17], ['侯', 16],
  ['龙', 16], ['史', 15], ['陶', 15], ['黎', 14], ['贺', 14], ['顾', 13], ['毛', 13], ['郝', 13],
  ['龚', 12], ['邵', 12], ['万', 12], ['钱', 11], ['严', 11], ['覃', 11], ['武', 11], ['戴', 10],
  ['莫', 10], ['孔', 10], ['向', 10], ['汤', 10], ['常', 9], ['温', 9], ['康', 9], ['施', 8],
  ['文', 8], ['牛', 8], ['樊', 8], ['葛', 8], ['邢', 8], ['安', 7], ['齐', 7], ['易', 7],
  ['乔', 7], ['伍', 7], ['庞', 7], ['颜', 6], ['倪', 6], ['庄', 6], ['聂', 6], ['章', 6],
  ['鲁', 6], ['岳', 6], ['翟', 6], ['殷', 5], ['詹', 5], ['申', 5], ['耿', 5], ['关', 5],
  ['兰', 5], ['焦', 5], ['俞', 5], ['左', 5], ['柳', 5], ['甘', 5], ['祝', 4], ['包', 4],
  ['宁', 4], ['尚', 4], ['符', 4], ['舒', 4], ['阮', 4], ['柯', 4], ['纪', 4], ['梅', 4],
  ['童', 4], ['凌', 4], ['毕', 4], ['单', 4], ['季', 4], ['裴', 4], ['霍', 4], ['涂', 4],
  ['成', 4], ['苗', 4], ['谷', 4], ['盛', 4], ['曲', 4], ['欧阳', 3], ['翁', 3], ['冉', 3],
  ['骆', 3], ['蓝', 3], ['路', 3], ['游', 3], ['辛', 3], ['靳', 3], ['管', 3], ['柴', 3],
  ['蒙', 3], ['鲍', 3], ['华', 3], ['喻', 3], ['祁', 3], ['蒲', 3], ['房', 3], ['滕', 3],
  ['屈', 3], ['饶', 3], ['解', 3], ['牟', 3], ['艾', 3], ['尤', 3], ['阳', 3], ['时', 3],
  ['穆', 3], ['农', 3], ['司', 2], ['卓', 2], ['古', 2], ['吉', 2], ['缪', 2], ['简', 2],
  ['车', 2], ['项', 2], ['连', 2], ['芦', 2], ['麦', 2], ['褚', 2], ['娄', 2], ['窦', 2],
  ['戚', 2], ['岑', 2], ['景', 2], ['党', 2], ['宫', 2], ['费', 2], ['卜', 2], ['冷', 2],
  ['晏', 2], ['席', 2], ['卫', 2], ['米', 2], ['柏', 2], ['宗', 2], ['瞿', 2], ['桂', 2],
  ['全', 2], ['佟', 2], ['应', 2], ['臧', 2], ['闵', 2], ['苟', 2], ['邬', 2], ['边', 2],
  ['卞', 2], ['姬', 2], ['师', 2], ['和', 2], ['仇', 2], ['栾', 2], ['隋', 2], ['商', 2],
  ['刁', 2], ['沙', 2], ['荣', 2], ['巫', 2], ['寇', 2], ['桑', 2], ['郎', 2], ['甄', 2],
  ['丛', 2], ['仲', 2], ['虞', 2], ['敖', 2], ['巩', 2], ['明', 2], ['佘', 2], ['池', 2],
  ['查', 2], ['麻', 2], ['苑', 2], ['迟', 2], ['邝', 2], ['司马', 1], ['诸葛', 1], ['上官', 1],
  ['官', 1], ['封', 1], ['谈', 1], ['匡', 1], ['鞠', 1], ['惠', 1], ['荆', 1], ['乐', 1],
  ['冀', 1], ['郁', 1], ['胥', 1], ['南', 1], ['班', 1], ['储', 1], ['原', 1], ['栗', 1],
  ['燕', 1], ['楚', 1], ['鄢', 1], ['劳', 1], ['谌', 1], ['奚', 1], ['皮', 1], ['粟', 1],
  ['冼', 1], ['蔺', 1], ['楼', 1], ['盘', 1], ['满', 1], ['闻', 1], ['位', 1], ['厉', 1],
];

type Generation = 'old' | 'middle' | 'young';

/** Born before 1960: 建国/秀英 style; 1960–1984: 志伟/丽华 style; from 1985: 浩然/子涵 style. */
export function generationOf(birthYear: number): Generation {
  if (birthYear < 1960) return 'old';
  if (birthYear < 1985) return 'middle';
  return 'young';
}

interface GivenNamePool {
  chars: readonly string[];
  whole: readonly string[];
  /** Share of one-character given names. */
  single: number;
  /** Share taken whole from `whole` rather than composed from `chars`. */
  wholeShare: number;
}

const split = (s: string): string[] => [...s];
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

const GIVEN: Record<'1' | '2', Record<Generation, GivenNamePool>> = {
  '1': {
    old: {
      chars: split('国建德明福贵富华军文志永树有学春生成林忠海荣宝金发保山正兴祥平安才庆家世玉开仁礼顺'),
      whole: words('建国 建军 国庆 国华 国强 志强 德明 德福 福贵 学文 永福 树林 有才 家福 玉山 正华 建华 世民 明亮 成富 德顺 开明 兴旺 福生 长生 金山 春生 宝林 忠诚 庆祥'),
      single: 0.16,
      wholeShare: 0.5,
    },
    middle: {
      chars: split('伟强勇军斌杰涛磊刚鹏辉华明波峰亮超健俊东海平林红云新志小宏建立永卫振晓兵'),
      whole: words('志伟 建平 海涛 晓东 建伟 俊杰 永刚 志刚 文斌 立新 红军 卫东 海波 国栋 小平 云峰 振华 宏伟 明华 德胜 建新 晓明 志勇 永红 利民 春雷 向东 卫国 剑锋 成龙'),
      single: 0.22,
      wholeShare: 0.45,
    },
    young: {
      chars: split('浩宇轩然子俊博文豪杰睿泽晨辰航阳鑫一天昊瑞凯帅嘉铭逸宸煜晟皓哲翔'),
      whole: words('浩然 子轩 宇轩 俊熙 梓豪 博文 一鸣 思远 天佑 浩宇 子墨 奕辰 明轩 嘉豪 昊天 睿泽 宇航 家乐 子豪 铭泽 晨阳 俊宇 鑫磊 志豪 宇辰 博涛 文博 凯文 皓轩 承泽'),
      single: 0.1,
      wholeShare: 0.5,
    },
  },
  '2': {
    old: {
      chars: split('秀英兰桂芳珍凤玉华琼翠梅花淑春莲香云芬素荣金菊娥仙惠彩'),
      whole: words('秀英 桂英 秀兰 玉兰 桂兰 秀珍 凤英 玉珍 桂芳 淑珍 玉梅 秀芳 翠花 春兰 素珍 金凤 桂香 秀云 玉华 秀琼 桂珍 玉英 凤兰 菊芬 素芬 彩云 金莲 月娥 玉仙 春花'),
      single: 0.12,
      wholeShare: 0.55,
    },
    middle: {
      chars: split('丽红艳燕霞娟敏静芳萍玲琴莉美慧婷雪梅丹晓颖洁琳莹倩娜媛蓉'),
      whole: words('丽华 红梅 艳红 海燕 晓燕 丽娟 春燕 雪梅 美玲 秀丽 玉婷 小红 建英 丽萍 晓红 金花 彩霞 红霞 丽芳 琼芬 晓丽 艳玲 丽琼 小燕 红艳 丽君 慧敏 晓静 素娟 婷婷'),
      single: 0.22,
      wholeShare: 0.45,
    },
    young: {
      chars: split('子涵欣怡梓诗雨萱思佳可馨悦琪彤晨若妍钰婧语梦瑶紫嘉一依雅'),
      whole: words('子涵 欣怡 梓涵 诗涵 雨萱 思琪 可馨 佳怡 一诺 梓萱 语嫣 欣妍 雨欣 佳琪 若曦 梦瑶 芷若 诗琪 佳慧 紫涵 雨涵 思雨 梦琪 依诺 雅婷 欣悦 子怡 佳欣 静怡 晨曦'),
      single: 0.08,
      wholeShare: 0.5,
    },
  },
};

const pickSurname = weightedPicker(SURNAMES);

export function surname(rng: Random): string {
  return pickSurname(rng);
}

/** A given name of one or two characters, typical for the gender and birth year. */
export function givenName(rng: Random, gender: '1' | '2', birthYear: number): string {
  const pool = GIVEN[gender][generationOf(birthYear)];
  if (rng.chance(pool.single)) return rng.pick(pool.chars);
  if (rng.chance(pool.wholeShare)) return rng.pick(pool.whole);
  const first = rng.pick(pool.chars);
  let second = rng.pick(pool.chars);
  // Doubled characters (婷婷, 丽丽) are fine for women, rare for men.
  if (second === first && (gender === '1' || rng.chance(0.5))) second = rng.pick(pool.chars.filter((c) => c !== first));
  return first + second;
}

/** A full name: surname + given name. */
export function personName(rng: Random, gender: '1' | '2', birthYear: number): string {
  return surname(rng) + givenName(rng, gender, birthYear);
}

// ---- place names ----

/** Two-character names that sound like townships (镇/乡). */
const TOWNSHIP_BASES = words(`
  和顺 清水 太平 永安 新华 河口 石桥 龙山 青龙 白沙 马街 大坪 三合 双河 团结 民主 光明 长安 兴隆 富民
  黄坪 柳溪 官渡 桥头 中和 新街 板桥 古城 江东 水寨 五合 明光 荷花 新安 镇安 龙江 凤山 金鸡 银杏 桃源
  梨园 松林 竹园 双龙 三岔 石门 观音 大河 小河 东山 西山 南溪 北山 高桥 长坡 平坝 安乐 永丰 丰收 腊溪
  青山 碧水 云岭 白马 黑龙 红岩 龙泉 凤凰 狮子 麒麟 仙人 万寿 永兴 福田 大营 中营 上营 下营 新庄 老街
`);

const STREET_BASES = words('城关 东城 西城 南城 北城 新城 凤山 龙泉 城南 城北 文笔 玉屏 中山 滨江 翠湖');

const COMMUNITY_BASES = words(`
  东风 建设 人民 向阳 文化 新华 解放 和平 幸福 花园 滨河 城南 城北 东门 西门 南门 北门 中山 龙泉 凤鸣
  新城 文昌 学府 锦绣 翠湖 桂花 阳光 金桥 振兴 公园 春晓 育才 光华 朝阳 红星 工农 兴华 太和 安居 康乐
`);

const COMMUNITY_PREFIXES = split('东西南北中新前后');
const COMMUNITY_SUFFIXES = split('城门街桥园湖山河关苑坊巷');

/** Collective-era and auspicious village names, common all over the country. */
const VILLAGE_FIXED = words(`
  石桥 东风 红旗 向阳 团结 胜利 和平 新民 建设 光明 联合 永胜 先锋 新农 丰收 红星 前进 民主 幸福 新立
  大坪 河口 龙潭 白塔 青松 柳树 桃园 杏花 梨树 竹林 松坡 马鞍 狮山 凤凰 龙门 金竹 银河 水井 古井 观音
`);

const VILLAGE_PREFIXES = split('大小上下新老东西南北前后中石黄白青红龙凤马牛羊柳杨松桃梨花竹沙高长双三五九平安丰兴福金清');
const VILLAGE_SUFFIXES = split('桥坪坝河沟山岭湾寨营庄田塘屯堡口溪冲坡铺街场岗洼滩园林头水甸哨井门');

const FAMILY_SUFFIXES = ['', '', '', '庄', '湾', '坝', '寨', '营', '沟', '坪', '河', '岭', '院', '堡'] as const;
const FAMILY_SURNAMES = words('王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢');

const COUNTY_FIRST = split('清永安宁和兴长德富临凤龙云华瑞泰嘉平丰昌');
const COUNTY_SECOND = split('河平宁远文乐昌源江城泉丰山川阳溪峰和林州');

/**
 * Composes place names and remembers them, so that no township, village or community name
 * repeats within one county. Names include their suffix: 和顺镇, 清水乡, 城关街道, 马家村, 东风社区.
 */
export class PlaceNames {
  private readonly used = new Set<string>();
  private readonly usedTownshipBases = new Set<string>();

  constructor(private readonly rng: Random) {}

  /** A county name ending in 县, such as 清河县. */
  countyName(): string {
    for (let i = 0; i < 50; i++) {
      const name = `${this.rng.pick(COUNTY_FIRST)}${this.rng.pick(COUNTY_SECOND)}`;
      if (name[0] !== name[1]) return `${name}县`;
    }
    return '清河县';
  }

  /** A township name: kind 'town' gives …镇, 'xiang' gives …乡. */
  township(kind: 'town' | 'xiang'): string {
    const suffix = kind === 'town' ? '镇' : '乡';
    const base = this.fresh(
      () => this.rng.pick(TOWNSHIP_BASES),
      () => `${this.rng.pick(VILLAGE_PREFIXES)}${this.rng.pick(VILLAGE_SUFFIXES)}`,
      (b) => !this.usedTownshipBases.has(b),
      suffix,
    );
    this.usedTownshipBases.add(base);
    return base + suffix;
  }

  /** A street (sub-district) name such as 城关街道. */
  street(): string {
    const base = this.fresh(
      () => this.rng.pick(STREET_BASES),
      () => `${this.rng.pick(COMMUNITY_PREFIXES)}${this.rng.pick(COMMUNITY_SUFFIXES)}`,
      (b) => !this.usedTownshipBases.has(b),
      '街道',
    );
    this.usedTownshipBases.add(base);
    return `${base}街道`;
  }

  /** A village name such as 马家村, 王家庄村, 石桥村. */
  village(): string {
    const compose = (): string => {
      const r = this.rng.next();
      if (r < 0.32) {
        const family = this.rng.pick(FAMILY_SURNAMES);
        return `${family}家${this.rng.pick(FAMILY_SUFFIXES)}`;
      }
      if (r < 0.45) return this.rng.pick(VILLAGE_FIXED);
      return this.twoChars(VILLAGE_PREFIXES, VILLAGE_SUFFIXES);
    };
    return this.fresh(compose, () => this.twoChars(VILLAGE_PREFIXES, VILLAGE_SUFFIXES), () => true, '村') + '村';
  }

  /** A community name such as 东风社区; `townBase` (e.g. 和顺) may give the town-centre community. */
  community(townBase?: string): string {
    if (townBase !== undefined && !this.used.has(`${townBase}社区`) && this.rng.chance(0.6)) {
      this.used.add(`${townBase}社区`);
      return `${townBase}社区`;
    }
    const compose = (): string =>
      this.rng.chance(0.65) ? this.rng.pick(COMMUNITY_BASES) : this.twoChars(COMMUNITY_PREFIXES, COMMUNITY_SUFFIXES);
    return this.fresh(compose, () => this.twoChars(COMMUNITY_PREFIXES, COMMUNITY_SUFFIXES), () => true, '社区') + '社区';
  }

  private twoChars(first: readonly string[], second: readonly string[]): string {
    for (;;) {
      const a = this.rng.pick(first);
      const b = this.rng.pick(second);
      if (a !== b) return a + b;
    }
  }

  /**
   * A base name whose full name (base + suffix) is not yet used: tries the preferred generator,
   * then the composed fallback, then numbered variants (…二, …三) so it always terminates.
   */
  private fresh(preferred: () => string, fallback: () => string, ok: (base: string) => boolean, suffix: string): string {
    const accept = (base: string): boolean => ok(base) && !this.used.has(base + suffix);
    for (let i = 0; i < 40; i++) {
      const base = preferred();
      if (accept(base)) return this.take(base, suffix);
    }
    for (let i = 0; i < 200; i++) {
      const base = fallback();
      if (accept(base)) return this.take(base, suffix);
    }
    const numerals = split('二三四五六七八九十');
    for (let n = 0; ; n++) {
      const base = `${fallback()}${numerals[n % numerals.length]}${n >= numerals.length ? String(n) : ''}`;
      if (accept(base)) return this.take(base, suffix);
    }
  }

  private take(base: string, suffix: string): string {
    this.used.add(base + suffix);
    return base;
  }
}
