export { contextFor, createTwoShops, createUser, testConnectors, testDeps, testSecrets } from "./fixtures.ts";
export { callByPath, type Finding, findIsolationLeaks, type IsolationCheck } from "./isolation.ts";
export { exampleInput, inputFields, isValidInput, listProcedures, type ProcedureInfo } from "./procedures.ts";
