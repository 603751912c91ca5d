import type { BaseDoc } from '../../../src/store/document-store';

export interface StaffDoc extends BaseDoc {
  employeeNo: string;
  name: string;
  team: string;
  skills: string[];
  contract: { maxHoursWeek: number; minHoursWeek?: number };
  hourlyCost: number;
  startDate: Date;
  active: boolean;
  tags?: string[];
  note?: string;
  logins?: number;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** Six staff with distinct names, numbers and dates, two teams, overlapping skills. */
export const staffFixture = (): StaffDoc[] => [
  {
    _id: 's1',
    employeeNo: 'E001',
    name: 'Ada',
    team: 'north',
    skills: ['calls', 'chat'],
    contract: { maxHoursWeek: 40 },
    hourlyCost: 21.5,
    startDate: day('2021-03-01'),
    active: true,
  },
  {
    _id: 's2',
    employeeNo: 'E002',
    name: 'Bram',
    team: 'south',
    skills: ['email'],
    contract: { maxHoursWeek: 20 },
    hourlyCost: 18,
    startDate: day('2022-07-15'),
    active: true,
  },
  {
    _id: 's3',
    employeeNo: 'E003',
    name: 'Chen',
    team: 'north',
    skills: ['calls'],
    contract: { maxHoursWeek: 32 },
    hourlyCost: 25,
    startDate: day('2020-01-10'),
    active: false,
  },
  {
    _id: 's4',
    employeeNo: 'E004',
    name: 'Dana',
    team: 'south',
    skills: ['chat', 'email'],
    contract: { maxHoursWeek: 40 },
    hourlyCost: 19.75,
    startDate: day('2023-11-30'),
    active: true,
  },
  {
    _id: 's5',
    employeeNo: 'E005',
    name: 'Eli',
    team: 'north',
    skills: ['calls', 'email'],
    contract: { maxHoursWeek: 24 },
    hourlyCost: 30,
    startDate: day('2022-07-15'),
    active: true,
  },
  {
    _id: 's6',
    employeeNo: 'E006',
    name: 'Fay',
    team: 'south',
    skills: [],
    contract: { maxHoursWeek: 16 },
    hourlyCost: 17,
    startDate: day('2024-02-29'),
    active: false,
  },
];

export const ids = (docs: Array<{ _id: string }>): string[] => docs.map((d) => d._id);
export const sorted = <V>(values: V[]): V[] => [...values].sort();
