import { isHubServiceKind, rentAssistanceServiceKind } from '../src';

describe("a Rent Assistance record's service kinds, by the catalog's flags", () => {
  it.each([
    [{ startsParticipation: true, qualifying: false }, 'housing_support', true],
    [{ startsParticipation: true, qualifying: true }, 'final_rent_exit', true],
    [{ startsParticipation: false, qualifying: true }, 'coaching', false],
    [{ startsParticipation: false, qualifying: false }, null, false],
  ])("%o is %s (the hub's: %s)", (flags, kind, hubs) => {
    expect(rentAssistanceServiceKind(flags)).toBe(kind);
    expect(isHubServiceKind(rentAssistanceServiceKind(flags))).toBe(hubs);
  });
});
