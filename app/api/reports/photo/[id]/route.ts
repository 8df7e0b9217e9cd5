/**
 * A 随手拍 report's photo, for people who may see the report (the household, the grid worker of its
 * grid, the committee and supervisors of its village); anyone else: 404. A photo never changes, so
 * its address may be cached long (privately: it is not public).
 */
import { route } from "@/server/http/route";
import { DomainError } from "@/server/lib/errors";
import { reportPhoto } from "@/server/modules/reports/report.service";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>("report.photo", async ({ deps, actor, params }) => {
  const photo = params.id.length > 40 ? null : await reportPhoto(deps, actor, params.id);
  if (!photo) throw new DomainError("NOT_FOUND");
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.type,
      "Cache-Control": "private, max-age=604800, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
