import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { VILLAGE_TIME_ZONE } from "@/server/lib/village-time.schema";
import { LOCALE_COOKIE, toLocale } from "./config";
import { MESSAGES } from "./messages";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: VILLAGE_TIME_ZONE };
});
