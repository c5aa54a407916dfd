// Which shop `/` opens. Per browser, not per account: the shop list is checked before use.
const key = "omnify.lastShopId";

export function readLastShopId(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage can be disabled (privacy modes); the first shop is a fine fallback.
    return null;
  }
}

export function rememberLastShop(shopId: string): void {
  try {
    localStorage.setItem(key, shopId);
  } catch {
    // See readLastShopId.
  }
}

export function forgetLastShop(shopId: string): void {
  try {
    if (localStorage.getItem(key) === shopId) localStorage.removeItem(key);
  } catch {
    // See readLastShopId.
  }
}
