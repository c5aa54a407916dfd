export {
  type Auth,
  type AuthDeps,
  type AuthSession,
  actorFrom,
  authBasePath,
  createAuth,
  passwordRules,
} from "./auth.ts";
export { createOrPromoteStaff, ensurePasswordUser, type PasswordUserInput } from "./users.ts";
