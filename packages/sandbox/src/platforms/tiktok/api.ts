import type { Context, Hono, MiddlewareHandler } from "hono";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";
import { envelope } from "./envelope.ts";
import { advertisersOf, requireAdvertiser, requireScope } from "./grants.ts";
import { checkAppCredentials } from "./oauth.ts";
import {
  adFields,
  adGroupFields,
  adGroupObject,
  adObject,
  advertiserFields,
  advertiserObject,
  campaignFields,
  campaignObject,
  videoIdOf,
  videoObject,
} from "./objects.ts";
import { invalid, objectParam, paginate, paging, project, required, stringList } from "./params.ts";
import { integratedReport } from "./report.ts";

type Ctx = Context<SandboxEnv>;

/**
 * The Marketing API reads the connector uses. Paths end with a slash (TikTok
 * answers a real 404 without it); every handler sits behind `guard`.
 */
export function mountApi(app: Hono<SandboxEnv>, ctx: SandboxContext, guard: MiddlewareHandler<SandboxEnv>) {
  const { respond } = envelope(ctx);
  const route = (path: string, handler: (c: Ctx) => unknown) =>
    app.get(`/open_api/:version${path}`, guard, (c) => respond(c, () => handler(c)));

  route("/oauth2/advertiser/get/", (c) => {
    checkAppCredentials(ctx.apps.tiktok, c.req.query("app_id"), c.req.query("secret"));
    const list = advertisersOf(c.get("grant")).flatMap((id) => {
      const account = ctx.dataset.account("tiktok", id);
      return account ? [{ advertiser_id: account.id, advertiser_name: account.name }] : [];
    });
    return { list };
  });

  route("/advertiser/info/", (c) => {
    const query = c.req.query();
    const ids = stringList(query, "advertiser_ids", 100);
    if (!ids?.length) throw invalid("advertiser_ids: Missing data for required field.");
    const fields = stringList(query, "fields");
    const grant = c.get("grant");
    requireScope(grant, "accounts");
    const accounts = ids.map((id) => requireAdvertiser(ctx, grant, id));
    return { list: project(accounts.map(advertiserObject), fields, advertiserFields) };
  });

  /** The three entity reads share paging, `fields` and `filtering`. */
  const entities = (
    path: string,
    known: readonly string[],
    idFilter: string,
    idKey: string,
    items: (account: ReturnType<typeof requireAdvertiser>, now: Date) => Record<string, unknown>[],
  ) =>
    route(path, (c) => {
      const query = c.req.query();
      const grant = c.get("grant");
      const account = requireAdvertiser(ctx, grant, required(query, "advertiser_id"));
      requireScope(grant, "ads");
      const fields = stringList(query, "fields");
      const filtering = objectParam(query, "filtering") ?? {};
      const ids = filtering[idFilter];
      if (ids !== undefined && (!Array.isArray(ids) || ids.length > 100))
        throw invalid(`filtering.${idFilter}: Length must be between 1 and 100.`);
      // The demo world has no deleted objects, so status filters (…_STATUS_ALL, …_NOT_DELETE) change nothing.
      const wanted = Array.isArray(ids) ? new Set(ids.map(String)) : null;
      const all = items(account, ctx.now()).filter((item) => !wanted || wanted.has(String(item[idKey])));
      const page = paginate(all, paging(query));
      return { ...page, list: project(page.list, fields, known) };
    });

  entities("/campaign/get/", campaignFields, "campaign_ids", "campaign_id", (account) =>
    account.campaigns.map((campaign) => campaignObject(account, campaign)),
  );
  entities("/adgroup/get/", adGroupFields, "adgroup_ids", "adgroup_id", (account) =>
    account.campaigns.flatMap((campaign) => campaign.adSets.map((adSet) => adGroupObject(account, adSet))),
  );
  entities("/ad/get/", adFields, "ad_ids", "ad_id", (account, now) =>
    ctx.dataset.ads(account, now).map((ad) => adObject(account, ad, now)),
  );

  route("/file/video/ad/info/", (c) => {
    const query = c.req.query();
    const grant = c.get("grant");
    const account = requireAdvertiser(ctx, grant, required(query, "advertiser_id"));
    requireScope(grant, "ads");
    const ids = stringList(query, "video_ids", 60);
    if (!ids?.length) throw invalid("video_ids: Missing data for required field.");
    const wanted = new Set(ids);
    const seen = new Set<string>();
    const list = ctx.dataset.ads(account, ctx.now()).flatMap((ad) => {
      const id = videoIdOf(ad);
      if (!wanted.has(id) || seen.has(id)) return [];
      seen.add(id);
      return [videoObject(ad)];
    });
    return { list };
  });

  route("/report/integrated/get/", (c) => {
    const query = c.req.query();
    const grant = c.get("grant");
    const account = requireAdvertiser(ctx, grant, required(query, "advertiser_id"));
    requireScope(grant, "reporting");
    return integratedReport(ctx, account, query);
  });
}
