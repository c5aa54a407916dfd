import { isShopDomain } from "@omnify/connectors";
import { AppError } from "../errors.ts";

/**
 * Accepts what owners paste for their store ("juniper-and-pine",
 * "juniper-and-pine.myshopify.com", "https://juniper-and-pine.myshopify.com/admin")
 * and returns the myshopify.com domain.
 */
export function normaliseShopDomain(input: string): string {
  let text = input.trim().toLowerCase();
  text = text.replace(/^https?:\/\//, "").replace(/[/?#].*$/, "");
  if (!text.includes(".")) text = `${text}.myshopify.com`;
  if (!isShopDomain(text)) {
    throw new AppError(
      "BAD_REQUEST",
      "Enter your store's myshopify.com address, such as juniper-and-pine.myshopify.com.",
    );
  }
  return text;
}
