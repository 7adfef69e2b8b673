// Demo programs for `npm start`, created through the public API as Lakeshore's supervisor, so a
// newcomer sees eligibility with its reasons at once. Idempotent: a program that already exists
// answers 409 and is left as it is. Demo data only.
const PROGRAMS = [
  {
    name: 'Refugee Cash Assistance',
    fundingSource: 'ORR Refugee Cash Assistance',
    activeFrom: '2024-01-01',
    eligibilityCriteria: [
      { fact: 'age', op: 'at_least', value: 18 },
      { fact: 'immigrationStatus', op: 'one_of', values: ['refugee', 'asylee'] },
      { fact: 'monthsSinceUsArrival', op: 'at_most', value: 12 },
    ],
  },
  {
    name: 'Employment Services for Homeless Adults',
    fundingSource: 'WIOA Adult',
    activeFrom: '2024-01-01',
    requiredRegistrationFields: ['employmentStatus', 'employmentCharacteristics'],
    eligibilityCriteria: [
      { fact: 'age', op: 'at_least', value: 18 },
      {
        fact: 'employmentCharacteristics',
        op: 'one_of',
        values: ['homeless', 'fleeing_violence', 'qualified_homeless_before_current_housing'],
      },
    ],
  },
  { name: 'Case Management', fundingSource: 'Agency general funds', activeFrom: '2024-01-01' },
];

/** Creates the demo programs; returns how many were new. */
export async function seedDemoPrograms(gatewayUrl, login) {
  const auth = await fetch(`${gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  if (!auth.ok) throw new Error(`demo programs: login as ${login.email} answered ${auth.status}`);
  const { accessToken } = await auth.json();
  let created = 0;
  for (const program of PROGRAMS) {
    const res = await fetch(`${gatewayUrl}/api/v1/programs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(program),
    });
    if (res.status === 201) created += 1;
    else if (res.status !== 409)
      throw new Error(`demo program "${program.name}": ${res.status} ${await res.text()}`);
  }
  return created;
}
