/** The fixed data set of the `$filter` tests (the model is people.xml beside it). */
export interface PersonRow {
  Id: number;
  '@odata.type'?: string;
  Friends: number[];
  Manager: number | null;
  Orders: Record<string, unknown>[];
  [property: string]: unknown;
}

export const PEOPLE: PersonRow[] = [
  {
    Id: 1,
    Name: 'Alice',
    Email: 'alice@example.com',
    Age: 30,
    Score: 4.5,
    Balance: 100.25,
    Born: '1990-05-17',
    Registered: '2020-01-15T10:30:00Z',
    WakeUp: '07:30:00',
    Session: 'PT1H30M',
    Token: 'A1B2C3D4-0000-0000-0000-000000000001',
    Active: true,
    Color: 'Red',
    Permissions: 'Read,Write',
    Address: { Street: '1 Main St', City: 'Seattle', Country: { Code: 'US' } },
    Tags: ['admin', 'dev'],
    Addresses: [{ City: 'Seattle' }, { City: 'Paris', Country: { Code: 'FR' } }],
    Friends: [2, 3],
    Manager: null,
    Orders: [
      { Id: 1, Amount: 50, Placed: '2023-01-01T12:00:00Z' },
      { Id: 2, Amount: 150, Placed: '2023-02-01T12:00:00Z' },
    ],
  },
  {
    Id: 2,
    Name: 'Bob',
    Email: null,
    Age: 25,
    Score: -1.5,
    Balance: 0,
    Born: '1999-12-31',
    Registered: '2021-06-30T23:00:00-02:00',
    WakeUp: '06:00:00',
    Session: 'P1D',
    Token: 'a1b2c3d4-0000-0000-0000-000000000002',
    Active: false,
    Color: 'Green',
    Permissions: 'Read',
    Address: { Street: null, City: 'Portland', Country: { Code: 'US' } },
    Tags: ['dev'],
    Addresses: [],
    Friends: [1],
    Manager: 1,
    Orders: [],
  },
  {
    Id: 3,
    '@odata.type': '#Test.Employee',
    Name: 'Carol',
    Department: 'Sales',
    Email: 'carol@example.org',
    Age: null,
    Score: 2.5,
    Balance: 1000,
    Born: '1985-01-01',
    Registered: '2019-03-10T08:00:00+01:00',
    WakeUp: '09:15:30',
    Session: 'PT45M',
    Token: 'a1b2c3d4-0000-0000-0000-000000000003',
    Active: true,
    Color: 'Blue',
    Permissions: 'Read,Write,Admin',
    Address: null,
    Tags: [],
    Addresses: [{ City: 'Berlin', Country: { Code: 'DE' } }],
    Friends: [],
    Manager: 1,
    Orders: [{ Id: 3, Amount: 20, Placed: '2022-12-24T18:00:00Z' }],
  },
  {
    Id: 4,
    Name: '  Dave  ',
    Email: 'DAVE@EXAMPLE.COM',
    Age: 41,
    Score: 3.5,
    Balance: -5.5,
    Born: '1983-02-28',
    Registered: '2022-11-01T00:00:00Z',
    WakeUp: null,
    Session: null,
    Token: 'a1b2c3d4-0000-0000-0000-000000000004',
    Active: null,
    Color: null,
    Permissions: 'None',
    Address: { Street: "O'Hara Rd", City: 'Seattle', Country: null },
    Tags: ['ops', 'dev'],
    Addresses: [],
    Friends: [1, 2, 3],
    Manager: 3,
    Orders: [],
  },
];

/** A row as an entity's structural JSON (navigation content left out). */
export function structural(row: PersonRow): Record<string, unknown> {
  const { Friends: _friends, Manager: _manager, Orders: _orders, '@odata.type': _type, ...data } = row;
  return data;
}
