/**
 * A matter's photo (村民说事), for people of the matter's village (anyone else: 404). Photos never
 * change, so the address may be cached long.
 */
import { route } from "@/server/http/route";
import { DomainError } from "@/server/lib/errors";
import { photo as matterPhoto } from "@/server/modules/matters/matter.service";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>("matter.photo", async ({ deps, actor, params }) => {
  const photo = params.id.length > 40 ? null : await matterPhoto(deps, actor, params.id);
  if (!photo) throw new DomainError("NOT_FOUND");
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.type,
      "Cache-Control": "private, max-age=604800, immutable",
      "Last-Modified": photo.createdAt.toUTCString(),
      "X-Content-Type-Options": "nosniff",
    },
  });
});
