import { describe, expect, it } from 'vitest';
import { checkCases, checkRepo } from '../helpers.js';

/** An active meet package with a bbb provider; `extra` is appended from line 6. */
function offer(code: string, extra: string, name = `Package ${code}`): string {
  return `code: ${code}\nname: ${name}\nservice_type: meet\nstatus: active\nproviders: [{ type: bbb }]\n${extra}`;
}

describe('duplicate-code: codes are unique across the repo (SPEC §2.4)', () => {
  checkCases([
    {
      name: 'the same code in two files: reported on the later one',
      yaml: { 'a.yaml': offer('meet-x', 'tier: 1\n'), 'b.yaml': offer('meet-x', 'tier: 2\n', 'Other') },
      expected: [['SP4001', 1, 7]],
    },
  ]);

  it('relates the duplicate to the first use', () => {
    const [d] = checkRepo({ 'a.yaml': offer('meet-x', ''), 'b.yaml': offer('meet-x', '', 'Other') });
    expect(d).toMatchObject({ file: 'b.yaml', code: 'SP4001' });
    expect(d?.related?.[0]).toMatchObject({ file: 'a.yaml', line: 1, column: 7 });
  });
});

describe('duplicate-id: pinned ids are unique (SPEC §2.4)', () => {
  const uuid = 'uuid: 1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b\n';
  checkCases([
    {
      name: 'the same pinned uuid in two packages',
      yaml: { 'a.yaml': offer('meet-a', uuid), 'b.yaml': offer('meet-b', uuid) },
      expected: [['SP4002', 6, 7]],
      message: /already pinned by `meet-a`/,
      hint: 'remove `uuid`',
    },
    {
      name: 'the same id in two documents of one file',
      yaml: { 'a.yaml': `${offer('meet-a', 'id: 4Vq2mJ8pXr1sT6yZ\n')}---\n${offer('meet-b', 'id: 4Vq2mJ8pXr1sT6yZ\n')}` },
      expected: [['SP4002', 13, 5]],
    },
    { name: 'different ids', yaml: { 'a.yaml': offer('meet-a', 'ulid: 01HZX3J6Q1J6Q1J6Q1J6Q1J6Q1\n'), 'b.yaml': offer('meet-b', 'ulid: 01HZX3J6Q1J6Q1J6Q1J6Q1J6Q2\n') }, expected: [] },
  ]);
});

describe('duplicate-name: names are distinct within a service type (SPEC §2)', () => {
  checkCases([
    {
      name: 'the same name, ignoring case and spacing',
      yaml: { 'a.yaml': offer('meet-a', 'tier: 1\n', 'Meet  Plus'), 'b.yaml': offer('meet-b', 'tier: 2\n', 'meet plus') },
      expected: [['SP4003', 2, 7]],
      severity: 'warning',
    },
    {
      name: 'the same name in two service types',
      yaml: {
        'a.yaml': offer('meet-a', '', 'Basic'),
        'b.yaml': 'code: web-a\nname: Basic\nservice_type: webinar\nstatus: inactive\n',
      },
      expected: [],
    },
  ]);
});

describe('tier-duplicate: one package per tier and service type (SPEC §2.4)', () => {
  checkCases([
    {
      name: 'two packages at tier 1',
      yaml: { 'a.yaml': offer('meet-a', 'tier: 1\nfeatures: { max_rooms: 5 }\n'), 'b.yaml': offer('meet-b', 'tier: 1\nfeatures: { max_accounts: 5 }\n') },
      expected: [['SP4004', 6, 7]],
      severity: 'warning',
      message: /tier 1 is already taken by the `meet` package `meet-a`/,
    },
    {
      name: 'a retired package keeps its tier without a warning',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nretired: true\nhidden: true\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 1\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [],
    },
    {
      name: 'the same tier in two service types',
      yaml: { 'a.yaml': offer('meet-a', 'tier: 1\n'), 'b.yaml': 'code: web-a\nname: Web\nservice_type: webinar\nstatus: draft\ntier: 1\nproviders: []\n' },
      expected: [['SP3011', 6, 1]],
    },
  ]);
});

describe('tier-price: a higher tier costs at least as much per day (SPEC §2.4)', () => {
  checkCases([
    {
      name: 'tier 2 cheaper than tier 1',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nprice: 15\ncurrency: EUR\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [['SP4005', 7, 8]],
      severity: 'warning',
      message: /tier 2 costs 15 EUR per month \(0\.4928 EUR\/day\), less than the tier 1 package `meet-a` at 20 EUR per month \(0\.6571 EUR\/day\)/,
    },
    {
      name: 'a yearly higher tier that is cheaper per day',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nprice: 200\ncurrency: EUR\nperiodicity_type: year\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [['SP4005', 7, 8]],
    },
    {
      name: 'a yearly higher tier that costs more per day',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nprice: 250\ncurrency: EUR\nperiodicity_type: year\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [],
    },
    {
      name: 'a weekly lower tier compared per day',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 5\ncurrency: EUR\nperiodicity_type: week\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nprice: 20\ncurrency: EUR\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [['SP4005', 7, 8]],
    },
    {
      name: 'different currencies are not compared',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nprice: 15\ncurrency: USD\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [],
    },
    {
      name: 'a draft higher tier is not compared (the "price on request" plan of the issue)',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nfeatures: { max_accounts: 5 }\n').replace('status: active', 'status: draft'),
        'c.yaml': offer('meet-c', 'tier: 3\nprice: 15\ncurrency: EUR\nfeatures: { max_accounts: 5 }\n').replace('status: active\n', ''),
      },
      expected: [],
    },
    {
      name: 'an active higher tier without price is not said to cost 0 (SP4007 instead)',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [['SP4007', 4, 9]],
    },
    {
      name: 'a per-seat higher tier is not compared with a per-package lower one',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nprice: 8\nprice_per: seat\ncurrency: EUR\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [],
    },
    {
      name: 'per-seat tiers are compared per seat',
      yaml: {
        'a.yaml': offer('meet-a', 'tier: 1\nprice: 10\nprice_per: seat\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'tier: 2\nprice: 8\nprice_per: seat\ncurrency: EUR\nfeatures: { max_accounts: 5 }\n'),
      },
      expected: [['SP4005', 7, 8]],
      message: /tier 2 costs 8 EUR per seat per month \(0\.2628 EUR\/seat\/day\), less than the tier 1 package `meet-a` at 10 EUR per seat per month/,
    },
  ]);
});

describe('unpriced: a package on sale without a price beside priced ones (docs/revenue.md)', () => {
  checkCases([
    {
      name: 'an active package without price beside a priced one',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 20\ncurrency: EUR\n'),
        'b.yaml': offer('meet-b', ''),
      },
      expected: [['SP4007', 4, 9]],
      severity: 'warning',
      message: /`meet-b` is on sale without a `price`, beside priced `meet` packages such as `meet-a`/,
      hint: '`price: 0` if it is free',
    },
    {
      name: 'an explicit price of 0',
      yaml: { 'a.yaml': offer('meet-a', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'), 'b.yaml': offer('meet-b', 'price: 0\n') },
      expected: [],
    },
    { name: 'a draft without price', yaml: { 'a.yaml': offer('meet-a', 'price: 20\ncurrency: EUR\n'), 'b.yaml': offer('meet-b', '').replace('status: active\n', '') }, expected: [] },
    { name: 'no priced package of its service type', yaml: { 'a.yaml': offer('meet-a', ''), 'b.yaml': offer('meet-b', 'price: 0\n') }, expected: [] },
  ]);
});

describe('dominated: a package nobody should buy (SPEC §2.4)', () => {
  checkCases([
    {
      name: 'costs more and offers less',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: EUR\nfeatures: { max_rooms: 5, recording: true }\n'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10, recording: true }\n'),
      },
      expected: [['SP4006', 1, 7]],
      severity: 'warning',
      message: /`meet-a` \(25 EUR per month\) is dominated by `meet-b` \(20 EUR per month\)/,
    },
    {
      name: 'same price, one limit lower',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10, max_storage: 5 }\n'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10, max_storage: 10 }\n'),
      },
      expected: [['SP4006', 1, 7]],
    },
    {
      name: 'unlimited beats any number; absent and false count as 0',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 1000, recording: false }\n'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: true }\n'),
      },
      expected: [['SP4006', 1, 7]],
    },
    {
      name: 'identical offers are not dominated',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10, recording: false }\n'),
      },
      expected: [],
    },
    {
      name: 'cheaper but with less: a real choice',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 10\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
      },
      expected: [],
    },
    {
      name: 'a switch the other lacks is something to buy',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: EUR\nfeatures: { max_rooms: 5, screen_sharing: true }\n'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
      },
      expected: [],
    },
    {
      name: 'a higher signup fee with the same price and features',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 20\nsignup_fee: 50\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
      },
      expected: [['SP4006', 1, 7]],
    },
    {
      name: 'a monthly plan against a cheaper-per-day yearly plan',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 10\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
        'b.yaml': offer('meet-b', 'price: 100\ncurrency: EUR\nperiodicity_type: year\nfeatures: { max_rooms: 10 }\n'),
      },
      expected: [['SP4006', 1, 7]],
    },
    {
      name: 'different currencies are not compared',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: USD\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
      },
      expected: [],
    },
    {
      name: 'a free package with more dominates whatever its currency',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: USD\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'price: 0\nfeatures: { max_rooms: 10 }\n'),
      },
      expected: [['SP4006', 1, 7]],
    },
    {
      name: 'a draft is not compared: it may dominate nothing and be dominated by nothing',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n').replace('status: active', 'status: draft'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n').replace('status: active\n', ''),
        'c.yaml': offer('meet-c', 'price: 30\ncurrency: EUR\nfeatures: { max_rooms: 4 }\n'),
      },
      expected: [],
    },
    {
      name: 'a package without price is not compared as costing 0 (SP4007 instead)',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'features: { max_rooms: 10 }\n'),
      },
      expected: [['SP4007', 4, 9]],
    },
    {
      name: 'per-seat prices are compared with per-seat prices only',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'price: 10\nprice_per: seat\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
      },
      expected: [],
    },
    {
      name: 'per seat: the same price with a higher seat minimum is dominated',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 10\nprice_per: seat\nmin_seats: 5\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'price: 10\nprice_per: seat\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
      },
      expected: [['SP4006', 1, 7]],
      message: /`meet-a` \(10 EUR per seat per month\) is dominated by `meet-b` \(10 EUR per seat per month\)/,
    },
    {
      name: 'per seat: a seat maximum is something the unbounded package offers more of',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 10\nprice_per: seat\nmax_seats: 20\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
        'b.yaml': offer('meet-b', 'price: 10\nprice_per: seat\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
      },
      expected: [['SP4006', 1, 7]],
    },
    {
      name: 'an inactive package is not compared',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n').replace('status: active', 'status: inactive'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
      },
      expected: [],
    },
    {
      name: 'another service type is not compared',
      yaml: {
        'a.yaml': offer('meet-a', 'price: 25\ncurrency: EUR\nfeatures: { max_accounts: 5 }\n').replace('service_type: meet\nstatus: active\nproviders: [{ type: bbb }]', 'service_type: webinar\nstatus: inactive\nproviders: []'),
        'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_accounts: 10 }\n'),
      },
      expected: [],
    },
  ]);

  it('relates the dominated package to the better one', () => {
    const [d] = checkRepo({
      'a.yaml': offer('meet-a', 'price: 25\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n'),
      'b.yaml': offer('meet-b', 'price: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n'),
    });
    expect(d).toMatchObject({ code: 'SP4006', file: 'a.yaml' });
    expect(d?.related).toEqual([expect.objectContaining({ file: 'b.yaml', line: 1, column: 7 })]);
  });
});
