/**
 * The households of the demo county's villages and communities: a few dozen each, with their
 * members, villager groups, phones and tags, named from the generator's name pools. Some heads
 * are the village's own Party members (their register entries), so that the two link up. Derived
 * from the generated county with its own random stream, so the rest of the output stays as it was.
 */
import type { Relation } from '../modules/households/rules.js';
import type { DemoCounty, DemoOrg } from './generate.js';
import { citizenIdNumber } from './id-number.js';
import { givenName, personName, surname } from './names.js';
import { Random } from './random.js';

export interface DemoHouseholdMember {
  name: string;
  relation: Relation;
  gender: '1' | '2';
  birthDate: string;
  idNumber: string | null;
  phone: string | null;
  /** The member's entry in the people register, when they are on it. */
  personKey: string | null;
}

export interface DemoHousehold {
  orgCode: string;
  number: string;
  villagerGroup: string | null;
  headName: string;
  phone: string | null;
  address: string;
  tags: string[];
  members: DemoHouseholdMember[];
}

/** How often a household carries each tag of the default list (the elderly living alone are decided by who lives there). */
const tagShares: [string, number][] = [
  ['difficult', 0.08], ['low_income', 0.07], ['poverty_alleviated', 0.14], ['five_kinds', 0.04], ['left_behind_children', 0.06],
  ['large_producer', 0.05], ['wealth_leader', 0.03], ['veteran_family', 0.04],
];

const keepsHouseholds = (o: DemoOrg) => (o.adminUnit?.kind === 'village' || o.adminUnit?.kind === 'community') && o.type !== 'party_group';
const year = (date: string) => Number(date.slice(0, 4));
const pad = (n: number) => String(n).padStart(2, '0');

export function demoHouseholds(demo: DemoCounty, asOf: string): DemoHousehold[] {
  const rng = new Random(`households:${demo.code}:${asOf}`);
  const usedIds = new Set(demo.people.map((p) => p.idNumber));
  const membersOf = new Map<string, DemoCounty['people']>();
  for (const p of demo.people) if (p.membership) membersOf.set(p.orgCode, [...(membersOf.get(p.orgCode) ?? []), p]);

  /** An ID number nobody in the county has; one in ten people have none on record. */
  const idNumber = (r: Random, birthDate: string, gender: '1' | '2'): string | null => {
    if (r.chance(0.1)) return null;
    for (let sequence = r.int(0, 499) * 2 + (gender === '1' ? 1 : 0); ; sequence = (sequence + 2) % 1000) {
      const id = citizenIdNumber(demo.code, birthDate, sequence);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const phone = (r: Random) => (r.chance(0.15) ? null : `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`);
  const born = (r: Random, from: number, to: number) => {
    const y = Math.min(r.int(from, to), year(asOf) - 1);
    return `${y}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
  };
  const person = (r: Random, relation: Relation, gender: '1' | '2', birthDate: string, name: string): DemoHouseholdMember => ({
    name, relation, gender, birthDate, idNumber: idNumber(r, birthDate, gender), phone: year(asOf) - year(birthDate) >= 18 && r.chance(0.4) ? phone(r) : null, personKey: null,
  });

  const households: DemoHousehold[] = [];
  for (const org of demo.orgs.filter(keepsHouseholds)) {
    const r = rng.fork(org.code);
    const groups = org.adminUnit?.villagerGroups ?? [];
    const partyMembers = r.shuffle(membersOf.get(org.code) ?? []).slice(0, r.int(2, 6));
    const count = r.int(24, 40);
    for (let i = 0; i < count; i++) {
      const member = partyMembers[i];
      const headGender: '1' | '2' = member?.gender ?? (r.chance(0.85) ? '1' : '2');
      const headBorn = member?.birthDate ?? born(r, 1940, 1992);
      const family = member ? member.name.slice(0, 1) : surname(r);
      const headName = member?.name ?? family + givenName(r, headGender, year(headBorn));
      const head: DemoHouseholdMember = member
        ? { name: member.name, relation: 'head', gender: member.gender, birthDate: member.birthDate, idNumber: member.idNumber, phone: member.phone, personKey: member.key }
        : { ...person(r, 'head', headGender, headBorn, headName), phone: phone(r) };
      const members = [head];
      const age = year(asOf) - year(headBorn);
      const alone = age >= 70 && r.chance(0.3);
      if (!alone) {
        if (r.chance(0.85)) {
          const spouseGender: '1' | '2' = headGender === '1' ? '2' : '1';
          const spouseBorn = born(r, year(headBorn) - 3, year(headBorn) + 5);
          members.push(person(r, 'spouse', spouseGender, spouseBorn, personName(r, spouseGender, year(spouseBorn))));
        }
        for (let c = r.int(0, 3); c > 0; c--) {
          const g: '1' | '2' = r.chance(0.5) ? '1' : '2';
          const childBorn = born(r, year(headBorn) + 22, year(headBorn) + 36);
          if (year(childBorn) < year(asOf)) members.push(person(r, 'child', g, childBorn, family + givenName(r, g, year(childBorn))));
        }
        if (age < 45 && r.chance(0.3)) {
          const parentBorn = born(r, year(headBorn) - 32, year(headBorn) - 22);
          members.push(person(r, 'parent', '2', parentBorn, personName(r, '2', year(parentBorn))));
        }
        if (age >= 60 && r.chance(0.35)) {
          const g: '1' | '2' = r.chance(0.5) ? '1' : '2';
          const grandBorn = born(r, year(headBorn) + 45, year(headBorn) + 60);
          if (year(grandBorn) < year(asOf)) members.push(person(r, 'grandchild', g, grandBorn, family + givenName(r, g, year(grandBorn))));
        }
      }
      const group = groups.length > 0 ? groups[i % groups.length]! : null;
      households.push({
        orgCode: org.code,
        number: String(i + 1).padStart(3, '0'),
        villagerGroup: group,
        headName,
        phone: head.phone,
        address: `${group ?? org.adminUnit!.name}${r.int(1, 120)}号`,
        tags: [...(alone ? ['elderly_alone'] : []), ...tagShares.filter(([, share]) => r.chance(share)).map(([id]) => id)],
        members,
      });
    }
  }
  return households;
}
