// The accounts embedded mode seeds, for local use only (README.md lists them).
// The e2e tests sign in with them too.

export const demoShop = {
  slug: "demo",
  name: "Juniper & Pine",
  currency: "USD",
  timeZone: "America/New_York",
};

export const demoOwner = {
  email: "owner@demo.omnify.local",
  name: "Jules Pine",
  password: "juniper-and-pine",
};

export const demoStaff = {
  email: "staff@omnify.local",
  name: "Omnify Staff",
  password: "omnify-staff-local",
};
