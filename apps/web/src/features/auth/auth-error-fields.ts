// Better Auth error codes that are about one field; everything else is about the whole form.
const fieldOfCode: Record<string, "name" | "email" | "password"> = {
  USER_ALREADY_EXISTS: "email",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "email",
  INVALID_EMAIL: "email",
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
};

export function fieldOfAuthError(code: string | undefined): "name" | "email" | "password" | undefined {
  return code ? fieldOfCode[code] : undefined;
}
