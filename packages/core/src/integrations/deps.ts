import type { Connectors } from "@omnify/connectors";
import type { Db } from "@omnify/db";
import type { SecretBox } from "@omnify/secrets";

export interface IntegrationDeps {
  db: Db;
  connectors: Connectors;
  secrets: SecretBox;
  /** Public address of the web app; OAuth callbacks are `${appUrl}/api/integrations/<platform>/callback`. */
  appUrl: string;
}

export const callbackUrl = (appUrl: string, platform: string) =>
  new URL(`/api/integrations/${platform}/callback`, appUrl).toString();
